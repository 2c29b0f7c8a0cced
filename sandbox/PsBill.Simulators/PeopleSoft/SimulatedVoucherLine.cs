namespace PsBill.Simulators.PeopleSoft;

/// <summary>A voucher line (<c>PS_VOUCHER_LINE</c>) and its distribution lines.</summary>
public sealed record SimulatedVoucherLine(int LineNumber, string Description, IReadOnlyList<SimulatedDistribution> Distributions);

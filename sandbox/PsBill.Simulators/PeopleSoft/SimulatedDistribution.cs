namespace PsBill.Simulators.PeopleSoft;

/// <summary>A distribution line (<c>PS_DISTRIB_LINE</c>).</summary>
public sealed record SimulatedDistribution(
    int LineNumber,
    string BusinessUnitGl,
    string Account,
    string DeptId,
    string? OperatingUnit,
    decimal Amount,
    string Description);

namespace PsBill.Connector.PeopleSoft;

/// <summary>A voucher line (<c>PS_VOUCHER_LINE</c>); its amount is the sum of its distributions.</summary>
public sealed record PeopleSoftVoucherLine(
    int LineNumber,
    decimal MerchandiseAmount,
    IReadOnlyList<PeopleSoftDistributionLine> Distributions);

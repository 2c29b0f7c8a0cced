namespace PsBill.Connector.PeopleSoft;

/// <summary>A distribution line (<c>PS_DISTRIB_LINE</c>): the accounting of part of a voucher line. A BILL bill line comes from each.</summary>
public sealed record PeopleSoftDistributionLine(
    int VoucherLineNumber,
    int LineNumber,
    string? BusinessUnitGl,
    string Account,
    string? DeptId,
    string? OperatingUnit,
    string? Product,
    string? FundCode,
    decimal MerchandiseAmount,
    string? Description);

namespace PsBill.Connector.Bill.Models;

/// <summary>Bill-level classification ids (the defaults for its lines).</summary>
public sealed record BillClassifications
{
    public string? ChartOfAccountId { get; init; }
    public string? DepartmentId { get; init; }
    public string? LocationId { get; init; }
    public string? AccountingClassId { get; init; }
    public string? ItemId { get; init; }
}

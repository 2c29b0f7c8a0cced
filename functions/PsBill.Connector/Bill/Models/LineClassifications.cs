namespace PsBill.Connector.Bill.Models;

/// <summary>The classification ids on a bill line. BILL rejects an id that does not exist or is archived.</summary>
public sealed record LineClassifications
{
    public string? ChartOfAccountId { get; init; }
    public string? DepartmentId { get; init; }
    public string? LocationId { get; init; }
    public string? AccountingClassId { get; init; }
    public string? EmployeeId { get; init; }
    public string? JobId { get; init; }
    public string? ItemId { get; init; }
    public string? CustomerId { get; init; }
}

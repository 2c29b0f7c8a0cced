namespace PsBill.Connector.Bill.Models;

/// <summary>A BILL chart-of-accounts entry (a GL account), used as <see cref="LineClassifications.ChartOfAccountId"/>.</summary>
public sealed record ChartOfAccount
{
    public string? Id { get; init; }
    public bool? Archived { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? ParentId { get; init; }
    public ChartOfAccountAccount? Account { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}

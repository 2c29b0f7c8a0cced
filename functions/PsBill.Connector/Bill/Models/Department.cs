namespace PsBill.Connector.Bill.Models;

/// <summary>A BILL department, used as <see cref="LineClassifications.DepartmentId"/>.</summary>
public sealed record Department
{
    public string? Id { get; init; }
    public bool? Archived { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public string? Description { get; init; }
    public string? ParentId { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}

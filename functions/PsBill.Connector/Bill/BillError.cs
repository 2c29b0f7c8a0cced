namespace PsBill.Connector.Bill;

/// <summary>One entry of BILL's error array: <c>[{timestamp, code, severity, category, message}]</c>.</summary>
public sealed record BillError
{
    public string? Code { get; init; }
    public string? Message { get; init; }
    public string? Severity { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    /// <summary>Extra detail some errors carry.</summary>
    public string? Detail { get; init; }
}

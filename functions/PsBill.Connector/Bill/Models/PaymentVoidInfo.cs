namespace PsBill.Connector.Bill.Models;

/// <summary>A void request on a payment.</summary>
public sealed record PaymentVoidInfo
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}

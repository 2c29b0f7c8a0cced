namespace PsBill.Connector.Bill.Webhooks;

/// <summary>A notification BILL sent (the answer to a test or a resend): what it sent and the status the receiver answered.</summary>
public sealed record WebhookNotification
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Version { get; init; }
    public string? SubscriptionId { get; init; }
    public string? Payload { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public int? StatusCode { get; init; }
}

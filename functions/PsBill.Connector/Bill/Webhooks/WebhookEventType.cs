namespace PsBill.Connector.Bill.Webhooks;

/// <summary>An event type and version a subscription listens to, e.g. <c>payment.updated</c> version <c>1</c>.</summary>
public sealed record WebhookEventType
{
    public const string PaymentUpdated = "payment.updated";
    public const string PaymentFailed = "payment.failed";

    public string? Type { get; init; }
    public string? Version { get; init; }
}

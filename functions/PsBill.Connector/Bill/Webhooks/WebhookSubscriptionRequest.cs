namespace PsBill.Connector.Bill.Webhooks;

/// <summary>The body to create or replace a subscription. BILL only accepts HTTPS notification URLs.</summary>
public sealed record WebhookSubscriptionRequest
{
    public required string Name { get; init; }
    public required string NotificationUrl { get; init; }
    public required IReadOnlyList<WebhookEventType> Events { get; init; }
    public WebhookSubscriptionStatus Status { get; init; } = new() { Enabled = true };
}

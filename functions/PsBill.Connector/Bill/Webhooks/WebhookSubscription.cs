namespace PsBill.Connector.Bill.Webhooks;

/// <summary>A webhook subscription on BILL's connect-events host. <see cref="SecurityKey"/> is only returned by create
/// (once): store it in the secret store at once, never in a log.</summary>
public sealed record WebhookSubscription
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? OrganizationId { get; init; }
    public WebhookSubscriptionStatus? Status { get; init; }
    public IReadOnlyList<WebhookEventType>? Events { get; init; }
    public string? NotificationUrl { get; init; }
    public string? SecurityKey { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}

namespace PsBill.Connector.Bill.Webhooks;

/// <summary>The <c>metadata</c> of a webhook notification. Deduplicate on <see cref="EventId"/>.</summary>
public sealed record WebhookEventMetadata
{
    public string? EventId { get; init; }
    public string? SubscriptionId { get; init; }
    public string? OrganizationId { get; init; }
    public string? EventType { get; init; }
    public string? Version { get; init; }
}

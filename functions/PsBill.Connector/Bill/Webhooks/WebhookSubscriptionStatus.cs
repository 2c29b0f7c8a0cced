namespace PsBill.Connector.Bill.Webhooks;

/// <summary>Whether a subscription delivers notifications.</summary>
public sealed record WebhookSubscriptionStatus
{
    public bool? Enabled { get; init; }
}

namespace PsBill.Connector.Settlement.Webhooks;

/// <summary>What <see cref="WebhookSubscriber.SubscribeAsync"/> did.</summary>
/// <param name="SubscriptionId">BILL's subscription id.</param>
/// <param name="Created">True when the subscription was created now; false when an existing one was found.</param>
/// <param name="KeyStored">True when a security key was written to the secret store (created, or rotated because the store had none).</param>
public sealed record WebhookSubscriptionResult(string SubscriptionId, bool Created, bool KeyStored);

using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Settlement.Webhooks;

/// <summary>
/// <c>psbill bill webhook subscribe --url URL</c>: creates (or finds) the <c>payment.updated</c> / <c>payment.failed</c>
/// subscription for a URL and keeps its security key in the secret store, never on screen or in a log.
/// </summary>
public sealed class WebhookSubscriber(BillClient bill, ISecretStore secrets)
{
    /// <summary>The subscription's name in BILL.</summary>
    public const string SubscriptionName = "PsBill payment settlement";

    private static readonly string[] Events = [WebhookEventType.PaymentUpdated, WebhookEventType.PaymentFailed];

    /// <summary>
    /// Finds the subscription that sends both payment events to <paramref name="url"/>, or creates it with an
    /// X-Idempotent-Key (the client's own retries of the create then get BILL's first answer, not a second subscription;
    /// a create whose answer was lost is found by the next run's listing, which looks first). A new key goes to <see cref="SecretNames.WebhookSecurityKey"/>; the key it replaces, if any, to
    /// <see cref="SecretNames.WebhookPreviousSecurityKey"/> so deliveries signed with it still verify. An existing
    /// subscription whose key the store does not hold gets a rotated key (BILL shows a key only once).
    /// </summary>
    public async Task<WebhookSubscriptionResult> SubscribeAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) throw new ArgumentException("The webhook URL must be absolute.", nameof(url));
        var target = url.AbsoluteUri;

        await foreach (var existing in bill.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(existing.NotificationUrl, target, StringComparison.Ordinal) || existing.Id is null) continue;
            var types = existing.Events?.Select(e => e.Type).ToHashSet(StringComparer.Ordinal) ?? [];
            if (!Events.All(types.Contains)) continue;
            if (await secrets.TryGetAsync(SecretNames.WebhookSecurityKey, cancellationToken).ConfigureAwait(false) is { Length: > 0 })
                return new WebhookSubscriptionResult(existing.Id, Created: false, KeyStored: false);
            var rotated = await bill.RotateSecurityKeyAsync(existing.Id, Guid.NewGuid(), cancellationToken).ConfigureAwait(false);
            await StoreKeyAsync(rotated, cancellationToken).ConfigureAwait(false);
            return new WebhookSubscriptionResult(existing.Id, Created: false, KeyStored: true);
        }

        var request = new WebhookSubscriptionRequest
        {
            Name = SubscriptionName,
            NotificationUrl = target,
            Events = Events.Select(e => new WebhookEventType { Type = e, Version = "1" }).ToList(),
        };
        var created = await bill.CreateSubscriptionAsync(request, Guid.NewGuid(), cancellationToken).ConfigureAwait(false);
        if (created.Id is null || string.IsNullOrEmpty(created.SecurityKey))
            throw new InvalidOperationException("BILL created the subscription but returned no id or security key.");
        await StoreKeyAsync(created.SecurityKey, cancellationToken).ConfigureAwait(false);
        return new WebhookSubscriptionResult(created.Id, Created: true, KeyStored: true);
    }

    private async Task StoreKeyAsync(string key, CancellationToken cancellationToken)
    {
        var current = await secrets.TryGetAsync(SecretNames.WebhookSecurityKey, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(current) && !string.Equals(current, key, StringComparison.Ordinal))
            await secrets.SetAsync(SecretNames.WebhookPreviousSecurityKey, current, cancellationToken).ConfigureAwait(false);
        await secrets.SetAsync(SecretNames.WebhookSecurityKey, key, cancellationToken).ConfigureAwait(false);
    }
}

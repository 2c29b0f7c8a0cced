using System.Globalization;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Webhooks;

namespace PsBill.Connector.Bill;

public sealed partial class BillClient
{
    private const string SubscriptionsPath = "/v3/subscriptions";

    /// <summary>
    /// Creates a webhook subscription (<c>POST /v3/subscriptions</c> on the events host). BILL caches the answer
    /// under <paramref name="idempotencyKey"/> for 24 hours, so this call is safely retried with the same key; keep the
    /// key with the intent so a later attempt reuses it. The answer's <see cref="WebhookSubscription.SecurityKey"/> is shown once.
    /// </summary>
    public Task<WebhookSubscription> CreateSubscriptionAsync(WebhookSubscriptionRequest subscription, Guid idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return SendAsync<WebhookSubscription>(WithIdempotencyKey(BillCall.Write(HttpMethod.Post, BillHost.Events, SubscriptionsPath, subscription), idempotencyKey), cancellationToken);
    }

    /// <summary>Streams this organization's subscriptions (at most 10 exist).</summary>
    public IAsyncEnumerable<WebhookSubscription> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<WebhookSubscription>(BillHost.Events, SubscriptionsPath, null, cancellationToken);

    /// <summary>Reads one subscription.</summary>
    public Task<WebhookSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<WebhookSubscription>(BillCall.Get(BillHost.Events, $"{SubscriptionsPath}/{BillCall.Segment(subscriptionId)}"), cancellationToken);

    /// <summary>Replaces a subscription's name, events, URL and status (<c>PUT</c>).</summary>
    public Task<WebhookSubscription> ReplaceSubscriptionAsync(string subscriptionId, WebhookSubscriptionRequest subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return SendAsync<WebhookSubscription>(BillCall.Write(HttpMethod.Put, BillHost.Events, $"{SubscriptionsPath}/{BillCall.Segment(subscriptionId)}", subscription), cancellationToken);
    }

    /// <summary>Deletes a subscription.</summary>
    public Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync(BillCall.Write(HttpMethod.Delete, BillHost.Events, $"{SubscriptionsPath}/{BillCall.Segment(subscriptionId)}"), cancellationToken);

    /// <summary>
    /// Rotates the subscription's security key (<c>POST /v3/subscriptions/{id}/security_key</c>) and returns the new
    /// key. Keep the previous key verifying until notifications signed with it have drained
    /// (see <see cref="WebhookSignatureVerifier"/>). Safe to retry with the same <paramref name="idempotencyKey"/>.
    /// </summary>
    public async Task<string> RotateSecurityKeyAsync(string subscriptionId, Guid idempotencyKey, CancellationToken cancellationToken = default)
    {
        var call = WithIdempotencyKey(BillCall.Write(HttpMethod.Post, BillHost.Events, $"{SubscriptionsPath}/{BillCall.Segment(subscriptionId)}/security_key"), idempotencyKey);
        var answer = await SendAsync<SecurityKeyAnswer>(call, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(answer.SecurityKey)
            ? throw new BillApiException("BILL rotated the security key but returned none.", BillErrorCode.Unrecognized, 200, BillFailureKind.Rejected, call.Operation)
            : answer.SecurityKey;
    }

    /// <summary>Asks BILL to send a test notification to the subscription's URL; the answer carries the status the receiver returned.</summary>
    public Task<WebhookNotification> SendTestEventAsync(string subscriptionId, WebhookTestEventRequest? request = null, CancellationToken cancellationToken = default) =>
        SendAsync<WebhookNotification>(BillCall.Write(HttpMethod.Post, BillHost.Events, $"{SubscriptionsPath}/{BillCall.Segment(subscriptionId)}/test", request ?? new WebhookTestEventRequest()), cancellationToken);

    private static BillCall WithIdempotencyKey(BillCall call, Guid key) =>
        call with { Headers = [new("X-Idempotent-Key", key.ToString("D", CultureInfo.InvariantCulture))] };

    private sealed record SecurityKeyAnswer(string? SecurityKey);
}

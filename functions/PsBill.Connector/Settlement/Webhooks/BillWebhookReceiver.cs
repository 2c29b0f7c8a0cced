using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Settlement.Webhooks;

/// <summary>
/// The body of BillWebhook. In this order: refuse an oversized body (413), verify <c>x-bill-sha-signature</c> over the
/// raw bytes with the current or previous key (401, nothing stored, nothing parsed), read the event, drop a duplicate
/// <c>metadata.eventId</c>, enqueue one settlement item for the payment, answer 200. Nothing slow happens here: BILL
/// gives the receiver 10 seconds, and the settlement itself runs from the queue.
/// </summary>
public sealed class BillWebhookReceiver(
    WebhookSignatureVerifier verifier,
    WebhookEventStore events,
    IWorkSink queue,
    AuditTrail audit,
    IOptions<SettlementOptions> options,
    ILogger<BillWebhookReceiver> logger) : IBillWebhookReceiver
{
    /// <inheritdoc />
    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Size first: hashing a huge body is the cheapest way to make a receiver slow.
        if (request.Body.Length > options.Value.MaxWebhookBodyBytes)
            return Refuse(413, $"body of {request.Body.Length} bytes is over the limit of {options.Value.MaxWebhookBodyBytes}");

        var signature = Header(request, WebhookSignatureVerifier.SignatureHeader);
        if (signature is null) return Refuse(401, "no x-bill-sha-signature header");
        if (!await verifier.VerifyAsync(request.Body, signature, cancellationToken).ConfigureAwait(false))
            return Refuse(401, "x-bill-sha-signature does not match the body under the current or previous security key");

        BillWebhookEvent notification;
        try
        {
            notification = BillWebhookEvent.Parse(request.Body.Span);
        }
        catch (JsonException ex)
        {
            // Signed by BILL but unreadable: retrying will not help, but say so in the log and to BILL.
            return Refuse(400, $"signed body is not a BILL notification: {ex.Message}");
        }

        var eventId = notification.Metadata?.EventId;
        var eventType = notification.Metadata?.EventType ?? "";
        var paymentId = notification.Payment?.Id;
        if (string.IsNullOrWhiteSpace(eventId)) return Refuse(400, "the notification has no metadata.eventId");
        if (!HandledEventTypes.Contains(eventType) || string.IsNullOrWhiteSpace(paymentId))
        {
            // Signed, so really from BILL (a subscription with more events, or a type BILL added): acknowledged, nothing started.
            SettlementLog.WebhookHandled(logger, eventId, eventType, paymentId, "ignored: not an event type PsBill settles");
            return new WebhookResponse(200, "ignored");
        }

        if (!await events.TryBeginAsync(eventId, eventType, paymentId, cancellationToken).ConfigureAwait(false))
        {
            SettlementLog.WebhookHandled(logger, eventId, eventType, paymentId, "duplicate");
            return new WebhookResponse(200, "duplicate");
        }

        var keys = HintedKeys(notification, paymentId);
        // The item's id is the event's: a repeated delivery of one notification maps to the same settlement instance.
        await queue.EnqueueAsync(new WorkItem { Id = eventId, Kind = WorkItemKind.Payment, Keys = keys }, cancellationToken: cancellationToken).ConfigureAwait(false);
        await events.MarkEnqueuedAsync(eventId, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await audit.AppendAsync(key, "webhook.received", "enqueued",
                $"{eventType} event {eventId} (BILL says {notification.Payment?.SingleStatus ?? "no status"}; re-read before posting)",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        SettlementLog.WebhookHandled(logger, eventId, eventType, paymentId, "enqueued");
        return new WebhookResponse(200, "accepted");
    }

    /// <summary>The event types that start a settlement: the ones the subscription asks for.</summary>
    public static readonly IReadOnlySet<string> HandledEventTypes = new HashSet<string>(StringComparer.Ordinal) { "payment.updated", "payment.failed" };

    /// <summary>The keys the notification hints at; the handler re-reads the payment and settles every bill BILL shows.</summary>
    private static IReadOnlyList<string> HintedKeys(BillWebhookEvent notification, string paymentId)
    {
        var bills = notification.Payment?.BillPayments?.Select(p => p.BillId).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b!).ToList() ?? [];
        if (bills.Count == 0 && notification.Payment?.BillId is { Length: > 0 } single) bills.Add(single);
        // Without a hint the key still names the payment; "*" stands for "whatever bills BILL shows".
        if (bills.Count == 0) bills.Add("*");
        return bills.Distinct(StringComparer.Ordinal).Select(b => ItemKeys.Payment(paymentId, b)).ToList();
    }

    private static string? Header(WebhookRequest request, string name)
    {
        if (request.Headers.TryGetValue(name, out var value)) return value;
        foreach (var (key, v) in request.Headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    private WebhookResponse Refuse(int status, string reason)
    {
        SettlementLog.WebhookRefused(logger, reason);
        return new WebhookResponse(status, status switch { 401 => "unauthorized", 413 => "payload too large", _ => "bad request" });
    }
}

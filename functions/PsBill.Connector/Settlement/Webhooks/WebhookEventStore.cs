using Azure.Data.Tables;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Settlement.Webhooks;

/// <summary>
/// Webhook events seen (<c>{prefix}webhookevents</c>; partition <c>event</c>, row = BILL's <c>metadata.eventId</c>):
/// the dedup of BILL's deliveries. An event is first <c>received</c>, then <c>enqueued</c> once its settlement item is on
/// the queue; a redelivery of a received-but-not-enqueued event (the enqueue failed) is enqueued again.
/// </summary>
public sealed class WebhookEventStore(PsBillStorage storage, TimeProvider time)
{
    private const string Partition = "event";
    private const string Received = "received";
    private const string Enqueued = "enqueued";
    private readonly TableClient _table = storage.Table(SettlementTables.WebhookEvents);

    /// <summary>Records a delivery of <paramref name="eventId"/>; returns false when the event was already enqueued (a duplicate).</summary>
    public async Task<bool> TryBeginAsync(string eventId, string eventType, string? paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        var entity = new TableEntity(Partition, TableKeys.Escape(eventId))
        {
            ["EventId"] = eventId,
            ["EventType"] = eventType,
            ["PaymentId"] = paymentId,
            ["State"] = Received,
            ["ReceivedAt"] = time.GetUtcNow(),
            ["Deliveries"] = 1,
        };
        try
        {
            await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            var seen = await _table.GetOrNullAsync(Partition, TableKeys.Escape(eventId), cancellationToken).ConfigureAwait(false);
            if (seen is not null)
            {
                seen["Deliveries"] = (seen.GetInt32("Deliveries") ?? 1) + 1;
                seen["LastDeliveryAt"] = time.GetUtcNow();
                try
                {
                    await _table.ReplaceCheckedAsync(seen, seen.ETag, cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException)
                {
                    // A parallel delivery counted itself first; the count is informational.
                }
            }
            return seen?.GetString("State") != Enqueued;
        }
    }

    /// <summary>Notes that the event's settlement item is on the queue.</summary>
    public async Task MarkEnqueuedAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, TableKeys.Escape(eventId)) { ["State"] = Enqueued, ["EnqueuedAt"] = time.GetUtcNow() };
        await _table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many deliveries of the event arrived, or 0 when it was never seen.</summary>
    public async Task<int> GetDeliveriesAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var seen = await _table.GetOrNullAsync(Partition, TableKeys.Escape(eventId), cancellationToken).ConfigureAwait(false);
        return seen?.GetInt32("Deliveries") ?? 0;
    }
}

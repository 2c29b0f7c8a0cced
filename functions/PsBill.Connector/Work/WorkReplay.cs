using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Work;

/// <summary>
/// Re-enqueues items an operator asks for (from the ops page or the CLI), by ledger key: typically parked records
/// whose cause was fixed. The item carries <see cref="WorkItem.Replay"/> so the handler reconsiders a parked record.
/// </summary>
public sealed class WorkReplay(LedgerStore ledger, IWorkSink queue, AuditTrail audit)
{
    /// <summary>Enqueues one replay item per key that the ledger knows; returns the keys it enqueued and those it did not know.</summary>
    public async Task<ReplayResult> ReplayAsync(IEnumerable<string> keys, string requestedBy, CancellationToken cancellationToken = default)
    {
        var replayed = new List<string>();
        var unknown = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false) is null)
            {
                unknown.Add(key);
                continue;
            }
            await queue.EnqueueAsync(WorkItem.For(key, replay: true), cancellationToken: cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(key, "work.replay", "enqueued", $"replay requested by {requestedBy}", cancellationToken: cancellationToken).ConfigureAwait(false);
            replayed.Add(key);
        }
        return new ReplayResult(replayed, unknown);
    }

    /// <summary>Enqueues every parked record again.</summary>
    public async Task<ReplayResult> ReplayParkedAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false)) keys.Add(entry.Key);
        return await ReplayAsync(keys, requestedBy, cancellationToken).ConfigureAwait(false);
    }
}

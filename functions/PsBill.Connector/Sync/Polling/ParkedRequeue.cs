using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Work;

namespace PsBill.Connector.Sync.Polling;

/// <summary>
/// Puts parked records back on the queue when their cause may have gone away by itself: after a reference-data sync
/// (mapping, rejected), after a poll (vendor). The handler re-checks them; those still blocked park again with the reason.
/// </summary>
public sealed class ParkedRequeue(LedgerStore ledger, IWorkSink queue, AuditTrail audit, RunStore runs, IOptions<SyncOptions> options, ILogger<ParkedRequeue> logger)
{
    /// <summary>Enqueues the parked suppliers and vouchers whose cause is one of <paramref name="causes"/>; returns how many.</summary>
    public async Task<int> RequeueAsync(IReadOnlyCollection<ParkCause> causes, string? runId, CancellationToken cancellationToken = default)
    {
        var keys = new Dictionary<WorkItemKind, List<string>> { [WorkItemKind.Supplier] = [], [WorkItemKind.Voucher] = [] };
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false))
        {
            var kind = new WorkItemKind(entry.Kind);
            if (!keys.TryGetValue(kind, out var list)) continue;
            if (SyncDetail.Parse(entry.Detail).Cause is { } cause && causes.Contains(cause)) list.Add(entry.Key);
        }

        var total = 0;
        var causeText = string.Join(", ", causes);
        foreach (var (kind, list) in keys)
        {
            if (list.Count == 0) continue;
            var batch = kind == WorkItemKind.Supplier ? options.Value.VendorBatchSize : options.Value.BillBatchSize;
            await queue.EnqueueBatchesAsync(kind, list, batch, runId, cancellationToken).ConfigureAwait(false);
            if (runId is not null) await runs.AddItemKeysAsync(runId, list, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = options.Value.StorageParallelism, CancellationToken = cancellationToken },
                async (key, token) => await audit.AppendAsync(key, "sync.requeue", "enqueued", $"parked ({causeText}): tried again in case the cause is fixed", runId, token).ConfigureAwait(false)).ConfigureAwait(false);
            SyncLog.Requeued(logger, list.Count, kind.Value, causeText);
            total += list.Count;
        }
        return total;
    }
}

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync;
using PsBill.Connector.Work;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows.Replay;

/// <summary>
/// Replay by orchestration: resolves what the operator asked for into ledger keys, marks them as replays (the handlers
/// then reconsider parked records) and starts one Replay orchestration for them, batched as a poll would (one bulk call
/// per batch). The ledger keeps a replay from creating or posting anything twice, also beside a running flow.
/// </summary>
public sealed class ReplayStarter(WorkReplay replay, LedgerStore ledger, RunStore runs, FailedItemStore failures, WorkStarter starter, IOptions<SyncOptions> sync, TimeProvider time)
{
    /// <summary>Starts the replay; <paramref name="requestedBy"/> goes into each key's audit trail.</summary>
    public async Task<ReplayStart> StartAsync(DurableTaskClient client, ReplayRequest request, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem is { } problem) throw new ArgumentException(problem, nameof(request));

        var keys = new List<string>();
        if (request.Keys is { Count: > 0 }) keys.AddRange(request.Keys);
        else if (request.RunId is { } runId)
        {
            if (await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false) is null) return new ReplayStart(null, [], [$"run {runId}"]);
            await foreach (var key in runs.ListItemKeysAsync(runId, cancellationToken).ConfigureAwait(false)) keys.Add(key);
        }
        else if (request.Parked)
        {
            await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false)) keys.Add(entry.Key);
        }
        else
        {
            await foreach (var failed in failures.ListAsync(cancellationToken).ConfigureAwait(false)) keys.Add(failed.Key);
        }

        var collected = new CollectedWork();
        ReplayResult result;
        using (AmbientWorkSink.Use(collected))
            result = await replay.ReplayAsync(keys, requestedBy, cancellationToken).ConfigureAwait(false);
        if (result.Replayed.Count == 0) return new ReplayStart(null, [], result.Unknown);

        // One replay item per key from WorkReplay; batch them by kind as the polls do.
        var items = collected.Items
            .GroupBy(i => i.Kind)
            .SelectMany(g => WorkBatches.Of(g.Key, g.SelectMany(i => i.Keys), BatchSize(g.Key), replay: true))
            .ToList();
        var instanceId = await starter.StartReplayAsync(client, items, requestedBy, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new ReplayStart(instanceId, result.Replayed, result.Unknown);
    }

    private int BatchSize(WorkItemKind kind) =>
        kind == WorkItemKind.Supplier ? sync.Value.VendorBatchSize : kind == WorkItemKind.Voucher ? sync.Value.BillBatchSize : 1;
}

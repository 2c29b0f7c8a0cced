using Microsoft.DurableTask.Client;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Work;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows.Http;

/// <summary>The work sink of the webhook function: each payment item starts its settlement orchestration at once.</summary>
internal sealed class SettlementStartingSink(DurableTaskClient client, WorkStarter starter) : IWorkSink
{
    public Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default) =>
        starter.StartSettlementAsync(client, item, cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> EnqueueBatchesAsync(WorkItemKind kind, IEnumerable<string> keys, int batchSize, string? runId = null, CancellationToken cancellationToken = default)
    {
        var items = WorkBatches.Of(kind, keys, batchSize, runId);
        foreach (var item in items) await EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        return items;
    }

    public Task SaveCheckpointAfterWorkAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The webhook moves no checkpoint.");
}

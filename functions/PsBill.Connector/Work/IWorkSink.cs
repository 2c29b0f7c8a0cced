using PsBill.Connector.Storage.Checkpoints;

namespace PsBill.Connector.Work;

/// <summary>
/// Where a step puts the work it finds (a poll's key batches, a webhook's payment, a replay) and the checkpoint that may
/// move once that work is done. The steps do not know who runs the work: inside a flow the items go back to the
/// orchestration, which fans them out and only then saves the checkpoints; an HTTP function starts an orchestration.
/// </summary>
public interface IWorkSink
{
    /// <summary>Hands over one item.</summary>
    Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default);

    /// <summary>Hands over keys of one kind in batches of at most <paramref name="batchSize"/> (one bulk call each); returns the items.</summary>
    Task<IReadOnlyList<WorkItem>> EnqueueBatchesAsync(WorkItemKind kind, IEnumerable<string> keys, int batchSize, string? runId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="checkpoint"/> once every item handed over before it is done. A checkpoint that moved before its
    /// work was durably recorded could skip records after a crash; the flow saves it after its fan-in instead.
    /// </summary>
    Task SaveCheckpointAfterWorkAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);
}

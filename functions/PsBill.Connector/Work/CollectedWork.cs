using PsBill.Connector.Storage.Checkpoints;

namespace PsBill.Connector.Work;

/// <summary>
/// An <see cref="IWorkSink"/> that only collects: a flow's activity runs a step against it and returns what was collected
/// to its orchestration, which runs the items and then saves the checkpoints. Thread-safe (steps hand over in parallel).
/// </summary>
public sealed class CollectedWork : IWorkSink
{
    private readonly Lock _gate = new();
    private readonly List<WorkItem> _items = [];
    private readonly Dictionary<string, Checkpoint> _checkpoints = new(StringComparer.Ordinal);

    /// <summary>The items handed over, in order.</summary>
    public IReadOnlyList<WorkItem> Items
    {
        get { lock (_gate) return [.. _items]; }
    }

    /// <summary>The checkpoints to save after the work, the last one per name.</summary>
    public IReadOnlyList<Checkpoint> Checkpoints
    {
        get { lock (_gate) return [.. _checkpoints.Values]; }
    }

    /// <inheritdoc />
    public Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate) _items.Add(item);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkItem>> EnqueueBatchesAsync(WorkItemKind kind, IEnumerable<string> keys, int batchSize, string? runId = null, CancellationToken cancellationToken = default)
    {
        var items = WorkBatches.Of(kind, keys, batchSize, runId);
        lock (_gate) _items.AddRange(items);
        return Task.FromResult(items);
    }

    /// <inheritdoc />
    public Task SaveCheckpointAfterWorkAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (_gate) _checkpoints[checkpoint.Name] = checkpoint;
        return Task.CompletedTask;
    }
}

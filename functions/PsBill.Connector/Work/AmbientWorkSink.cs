using PsBill.Connector.Storage.Checkpoints;

namespace PsBill.Connector.Work;

/// <summary>
/// The <see cref="IWorkSink"/> the steps are given: it forwards to the sink the caller set for the current call with
/// <see cref="Use"/> (an activity sets a <see cref="CollectedWork"/>, the webhook function a sink that starts
/// orchestrations). The steps are singletons shared by both hosts; the sink belongs to one invocation, so it flows
/// with the call (an <see cref="AsyncLocal{T}"/>) rather than through the container.
/// </summary>
public sealed class AmbientWorkSink : IWorkSink
{
    private static readonly AsyncLocal<IWorkSink?> Current = new();

    /// <summary>Makes <paramref name="sink"/> the sink of the current call until the result is disposed.</summary>
    public static IDisposable Use(IWorkSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var previous = Current.Value;
        Current.Value = sink;
        return new Restore(previous);
    }

    /// <inheritdoc />
    public Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default) =>
        Sink().EnqueueAsync(item, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkItem>> EnqueueBatchesAsync(WorkItemKind kind, IEnumerable<string> keys, int batchSize, string? runId = null, CancellationToken cancellationToken = default) =>
        Sink().EnqueueBatchesAsync(kind, keys, batchSize, runId, cancellationToken);

    /// <inheritdoc />
    public Task SaveCheckpointAfterWorkAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default) =>
        Sink().SaveCheckpointAfterWorkAsync(checkpoint, cancellationToken);

    private static IWorkSink Sink() => Current.Value
        ?? throw new InvalidOperationException("A step handed over work outside a flow: no work sink is set for this call (run the step from an activity, or set one with AmbientWorkSink.Use).");

    private sealed class Restore(IWorkSink? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

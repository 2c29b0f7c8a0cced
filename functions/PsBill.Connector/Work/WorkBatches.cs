namespace PsBill.Connector.Work;

/// <summary>Cuts keys of one kind into work items of at most a batch size each (one bulk call per item).</summary>
public static class WorkBatches
{
    /// <summary>The items for <paramref name="keys"/> (duplicates dropped, order kept).</summary>
    public static IReadOnlyList<WorkItem> Of(WorkItemKind kind, IEnumerable<string> keys, int batchSize, string? runId = null, bool replay = false)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return keys.Distinct(StringComparer.Ordinal).Chunk(batchSize)
            .Select(chunk => new WorkItem { Kind = kind, Keys = chunk, RunId = runId, Replay = replay })
            .ToList();
    }
}

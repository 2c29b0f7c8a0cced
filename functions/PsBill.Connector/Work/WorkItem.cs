namespace PsBill.Connector.Work;

/// <summary>
/// One unit of work a flow runs in one activity (<c>RunWorkItem</c>): a kind and its keys, never the records themselves,
/// so orchestration inputs stay small. Several keys make a batch that one activity sends in one bulk call.
/// </summary>
public sealed record WorkItem
{
    /// <summary>A unique id for tracing the item through logs (kept on retries; a webhook's item carries the event id).</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>What the item is about; picks the handler.</summary>
    public required WorkItemKind Kind { get; init; }

    /// <summary>The source keys to process (one, or a batch of the same kind).</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>The run that produced the item (a poll, a webhook), if any: its counts are updated as the item finishes.</summary>
    public string? RunId { get; init; }

    /// <summary>How many "retry later" rounds the item has had (0 the first time).</summary>
    public int Attempt { get; init; }

    /// <summary>True when an operator asked for it (replay from the ops page or the CLI): handlers reconsider parked records.</summary>
    public bool Replay { get; init; }

    /// <summary>A single-key item.</summary>
    public static WorkItem For(string key, string? runId = null, bool replay = false) =>
        new() { Kind = ItemKeys.KindOf(key), Keys = [key], RunId = runId, Replay = replay };
}

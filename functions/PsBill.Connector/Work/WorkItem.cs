using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Work;

/// <summary>
/// One message on the work queue (<c>{prefix}-work</c>), as JSON:
/// <c>{"id":"...","kind":"voucher","keys":["voucher:US001:00012345", ...],"runId":"...","attempt":0,"replay":false}</c>.
/// Several keys make a batch that one invocation sends in one bulk call.
/// </summary>
public sealed record WorkItem
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A unique id for tracing the item through logs (new for every enqueue, kept on retries).</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>What the item is about; picks the handler.</summary>
    public required WorkItemKind Kind { get; init; }

    /// <summary>The source keys to process (one, or a batch of the same kind).</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>The run that produced the item (a poll, a webhook), if any: its counts are updated as the item finishes.</summary>
    public string? RunId { get; init; }

    /// <summary>How many times the item was put back for "retry later" (0 on first enqueue).</summary>
    public int Attempt { get; init; }

    /// <summary>True when an operator re-enqueued the item (replay from the ops page or the CLI): handlers reconsider parked records.</summary>
    public bool Replay { get; init; }

    /// <summary>A single-key item.</summary>
    public static WorkItem For(string key, string? runId = null, bool replay = false) =>
        new() { Kind = ItemKeys.KindOf(key), Keys = [key], RunId = runId, Replay = replay };

    /// <summary>The message text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a message text.</summary>
    /// <exception cref="WorkItemFormatException">The text is not a valid work item.</exception>
    public static WorkItem Parse(string text)
    {
        WorkItem? item;
        try
        {
            item = JsonSerializer.Deserialize<WorkItem>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new WorkItemFormatException($"not JSON of a work item ({ex.Message})", ex);
        }

        if (item is null) throw new WorkItemFormatException("empty message");
        if (string.IsNullOrWhiteSpace(item.Kind.Value)) throw new WorkItemFormatException("no kind");
        if (item.Keys is null || item.Keys.Count == 0) throw new WorkItemFormatException("no keys");
        if (item.Keys.Any(string.IsNullOrWhiteSpace)) throw new WorkItemFormatException("an empty key");
        return item;
    }
}

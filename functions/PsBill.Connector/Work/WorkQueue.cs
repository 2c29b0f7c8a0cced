using Azure.Storage.Queues;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Work;

/// <summary>
/// Puts work items on the work queue (<c>{prefix}-work</c>, base64 as the Functions queue trigger expects) and
/// failed ones on the poison queue. Both hosts and every producer (polls, the webhook, replay) go through here.
/// </summary>
public sealed class WorkQueue(PsBillStorage storage, TimeProvider time)
{
    /// <summary>The app-setting expression of the work queue's name in function.json.</summary>
    public const string QueueNameExpression = "%PsBill__Storage__Prefix%-work";

    // Azure Storage allows 64 KiB per message; base64 makes 4 bytes of every 3.
    private const int MaxMessageChars = 48 * 1024;

    private readonly QueueClient _queue = storage.WorkQueue;
    private readonly QueueClient _poison = storage.PoisonQueue;

    /// <summary>The work queue's name.</summary>
    public string Name => _queue.Name;

    /// <summary>The poison queue's name.</summary>
    public string PoisonName => _poison.Name;

    /// <summary>Enqueues one item, visible at once or after <paramref name="delay"/>.</summary>
    /// <exception cref="ArgumentException">The item is too large for one message (split the batch).</exception>
    public async Task EnqueueAsync(WorkItem item, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = item.ToJson();
        if (text.Length > MaxMessageChars)
            throw new ArgumentException($"Work item {item.Id} with {item.Keys.Count} keys is {text.Length} characters; a message holds {MaxMessageChars}. Use smaller batches.", nameof(item));
        await _queue.SendMessageAsync(text, visibilityTimeout: delay is { } d && d > TimeSpan.Zero ? d : null, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enqueues several items (a few at a time).</summary>
    public Task EnqueueAsync(IEnumerable<WorkItem> items, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (item, token) => await EnqueueAsync(item, null, token).ConfigureAwait(false));

    /// <summary>Enqueues keys of one kind in batches of at most <paramref name="batchSize"/> (one bulk call each); returns the items.</summary>
    public async Task<IReadOnlyList<WorkItem>> EnqueueBatchesAsync(WorkItemKind kind, IEnumerable<string> keys, int batchSize, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var items = keys.Distinct(StringComparer.Ordinal).Chunk(batchSize)
            .Select(chunk => new WorkItem { Kind = kind, Keys = chunk, RunId = runId })
            .ToList();
        await EnqueueAsync(items, cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <summary>Puts a copy of <paramref name="item"/> back after <paramref name="delay"/>, with its attempt counted
    /// (only <paramref name="keys"/> of it, when given); returns the copy.</summary>
    public async Task<WorkItem> RequeueAsync(WorkItem item, TimeSpan delay, IReadOnlyList<string>? keys = null, CancellationToken cancellationToken = default)
    {
        var again = item with { Attempt = item.Attempt + 1, Keys = keys ?? item.Keys };
        await EnqueueAsync(again, delay, cancellationToken).ConfigureAwait(false);
        return again;
    }

    /// <summary>Moves a message text to the poison queue with the reason.</summary>
    public async Task SendToPoisonAsync(string messageText, string reason, CancellationToken cancellationToken = default) =>
        await _poison.SendMessageAsync(new PoisonMessage(reason, time.GetUtcNow(), messageText).ToJson(), cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Looks at up to 32 poison messages without taking them.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        var peeked = await _poison.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken).ConfigureAwait(false);
        return peeked.Value.Select(m => PoisonMessage.Parse(m.MessageText)).ToList();
    }
}

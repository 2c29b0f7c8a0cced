using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PsBill.Connector.Storage.Metering;

/// <summary>
/// Counts the table requests PsBill's own stores send, by table and kind (<c>ledger/write</c>, <c>audit/batch</c>), so the
/// benchmark and the sandbox can say how many storage operations a record costs. A policy in the table client's pipeline:
/// it sees every request the SDK sends, retries included, and costs an increment per request.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Every count so far, by <c>table/kind</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The total so far.</summary>
    public long Total => _counts.Values.Sum();

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _counts.AddOrUpdate(Name(message.Request), 1, (_, n) => n + 1);
    }

    /// <summary>The counts of <paramref name="after"/> minus those of <paramref name="before"/>, leaving out zeros.</summary>
    public static IReadOnlyDictionary<string, long> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.Select(a => (a.Key, Count: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(a => a.Count > 0).ToDictionary(a => a.Key, a => a.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// <c>table/kind</c> from the request: the last path segment names the table (<c>psbillledger(PartitionKey=...)</c>,
    /// <c>psbillaudit()</c>) or is <c>$batch</c>; a GET of one row is a read, of a set a query.
    /// </summary>
    private static string Name(Request request)
    {
        var path = request.Uri.Path.TrimEnd('/');
        var segment = path[(path.LastIndexOf('/') + 1)..];
        if (segment.StartsWith("$batch", StringComparison.Ordinal)) return "batch";
        var paren = segment.IndexOf('(', StringComparison.Ordinal);
        var table = paren < 0 ? segment : segment[..paren];
        var oneRow = paren >= 0 && segment.Contains("RowKey", StringComparison.Ordinal);
        var kind = request.Method == RequestMethod.Get ? (oneRow ? "get" : "query") : "write";
        return $"{table}/{kind}";
    }
}

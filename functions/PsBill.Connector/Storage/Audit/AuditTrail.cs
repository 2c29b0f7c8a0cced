using System.Globalization;
using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Audit;

/// <summary>
/// The append-only audit trail: every step of every item. Partition = the key's kind (<c>voucher</c>), row = the key, then a
/// time-ordered id, so an item's trail is one range of rows read back in the order it happened, and the steps of a batch's
/// records (a bulk create's 100 bills) go to storage in one table transaction. Rows are never updated or deleted.
/// </summary>
/// <remarks>Trails written before this layout (partition = the item key) are still read: <see cref="ReadAsync"/> reads both.</remarks>
public sealed class AuditTrail(PsBillStorage storage, TimeProvider time)
{
    private const char Separator = '|';
    private static long _sequence;
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Audit);

    /// <summary>Appends a step (time from the injected clock) and returns it.</summary>
    public async Task<AuditEntry> AppendAsync(string key, string step, string outcome, string? detail = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        var entry = Entry(key, step, outcome, detail, runId);
        await _table.InsertAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>Appends many steps at once (time from the injected clock), in table transactions of up to 100 rows of a kind.</summary>
    public async Task AppendManyAsync(IEnumerable<(string Key, string Step, string Outcome, string? Detail, string? RunId)> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var entities = steps.Select(s => ToEntity(Entry(s.Key, s.Step, s.Outcome, s.Detail, s.RunId))).ToList();
        foreach (var chunk in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(TableClientExtensions.MaxTransactionActions)))
            await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An item's trail, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var prefix = RowPrefix(key);
        // The rows of this key: from "key|" up to, not including, "key}" ('}' follows '|').
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(key)} and RowKey gt {prefix + Separator} and RowKey lt {prefix + (char)(Separator + 1)}");
        var legacy = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(key)}");
        var entries = new List<AuditEntry>();
        foreach (var query in new[] { legacy, filter })
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(query, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AuditEntry(
                    entity.GetString("Key") ?? key,
                    entity.GetDateTimeOffset("At") ?? default,
                    entity.GetString("Step") ?? "",
                    entity.GetString("Outcome") ?? "",
                    entity.GetString("Detail"),
                    entity.GetString("RunId")));
            }
        }
        return entries;
    }

    private AuditEntry Entry(string key, string step, string outcome, string? detail, string? runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return new AuditEntry(key, time.GetUtcNow(), step, outcome, detail, runId);
    }

    /// <summary>The kind before the first colon (<c>voucher</c>), or <c>other</c> for a key without one.</summary>
    private static string PartitionOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? TableKeys.Escape(key[..colon]) : "other";
    }

    /// <summary>The escaped key with the separator escaped too, so no key's rows fall in another key's range.</summary>
    private static string RowPrefix(string key) => TableKeys.Escape(key).Replace("|", "%7C", StringComparison.Ordinal);

    // After the key: ticks first so rows sort by time; a process-wide sequence keeps same-tick steps in order; the random
    // tail keeps two processes from colliding.
    private static TableEntity ToEntity(AuditEntry entry) => new(
        PartitionOf(entry.Key),
        string.Create(CultureInfo.InvariantCulture, $"{RowPrefix(entry.Key)}{Separator}{entry.At.UtcTicks:D19}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid().ToString("N")[..6]}"))
    {
        ["Key"] = entry.Key,
        ["At"] = entry.At,
        ["Step"] = entry.Step,
        ["Outcome"] = entry.Outcome,
        ["Detail"] = entry.Detail,
        ["RunId"] = entry.RunId,
    };
}

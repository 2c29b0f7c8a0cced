using System.Globalization;
using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Audit;

/// <summary>
/// The append-only audit trail: every step of every item. Partition = the item key, row = time-ordered id, so an
/// item's trail reads back in the order it happened. Rows are never updated or deleted.
/// </summary>
public sealed class AuditTrail(PsBillStorage storage, TimeProvider time)
{
    private static long _sequence;
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Audit);

    /// <summary>Appends a step (time from the injected clock) and returns it.</summary>
    public async Task<AuditEntry> AppendAsync(string key, string step, string outcome, string? detail = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        var entry = new AuditEntry(key, time.GetUtcNow(), step, outcome, detail, runId);
        await _table.InsertAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>An item's trail, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Escape(key);
        var entries = new List<AuditEntry>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                entity.GetString("Key") ?? key,
                entity.GetDateTimeOffset("At") ?? default,
                entity.GetString("Step") ?? "",
                entity.GetString("Outcome") ?? "",
                entity.GetString("Detail"),
                entity.GetString("RunId")));
        }
        return entries;
    }

    // Ticks first so rows sort by time; a process-wide sequence keeps same-tick steps in order; the random tail keeps
    // two processes from colliding.
    private static TableEntity ToEntity(AuditEntry entry) => new(
        TableKeys.Escape(entry.Key),
        string.Create(CultureInfo.InvariantCulture, $"{entry.At.UtcTicks:D19}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid().ToString("N")[..6]}"))
    {
        ["Key"] = entry.Key,
        ["At"] = entry.At,
        ["Step"] = entry.Step,
        ["Outcome"] = entry.Outcome,
        ["Detail"] = entry.Detail,
        ["RunId"] = entry.RunId,
    };
}

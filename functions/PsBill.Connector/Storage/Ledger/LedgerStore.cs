using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Ledger;

/// <summary>
/// The ledger table: one row per source record, the source of truth for "exactly once". Partition = the key's
/// kind (<c>voucher</c>), row = the full key. Writes are insert-if-absent (the intent) and ETag-checked replaces,
/// so two workers can never both believe they own the same record.
/// </summary>
public sealed class LedgerStore(PsBillStorage storage, TimeProvider time)
{
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Ledger);

    /// <summary>The kind part of a key (<c>voucher</c> for <c>voucher:US001:1</c>).</summary>
    /// <exception cref="ArgumentException">The key has no <c>kind:</c> prefix.</exception>
    public static string KindOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new ArgumentException($"Ledger key '{key}' has no kind prefix (expected e.g. 'voucher:US001:00012345').", nameof(key));
        return key[..colon];
    }

    /// <summary>Reads a record's row, or null when the record was never seen.</summary>
    public async Task<LedgerEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(KindOf(key), TableKeys.Escape(key), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToEntry(entity);
    }

    /// <summary>The rows of many records (a record never seen is left out), read 14 keys a query (<see cref="TableClientExtensions.GetManyAsync"/>).</summary>
    public async Task<IReadOnlyDictionary<string, LedgerEntry>> GetManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var kind in keys.GroupBy(KindOf, StringComparer.Ordinal))
        {
            await foreach (var entity in _table.GetManyAsync(kind.Key, kind.Select(TableKeys.Escape), cancellationToken).ConfigureAwait(false))
            {
                var entry = ToEntry(entity);
                found[entry.Key] = entry;
            }
        }
        return found;
    }

    /// <summary>
    /// Writes the intent row (state <see cref="LedgerState.Intent"/>, attempts 1) unless the record already has a row,
    /// in which case the existing row is returned for the caller to decide on.
    /// </summary>
    public async Task<LedgerInsert> TryInsertIntentAsync(string key, string? payloadHash, string? runId, string? detail = null, CancellationToken cancellationToken = default)
    {
        var entry = new LedgerEntry
        {
            Key = key, State = LedgerState.Intent, PayloadHash = payloadHash, RunId = runId, Detail = detail,
            Attempts = 1, UpdatedAt = time.GetUtcNow(),
        };
        try
        {
            var etag = await _table.InsertAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
            return new LedgerInsert(true, entry with { ETag = etag });
        }
        catch (ConcurrencyConflictException)
        {
            var existing = await GetAsync(key, cancellationToken).ConfigureAwait(false)
                           ?? throw new InvalidOperationException($"Ledger row {key} conflicted on insert but cannot be read.");
            return new LedgerInsert(false, existing);
        }
    }

    /// <summary>
    /// <see cref="TryInsertIntentAsync"/> for many records at once: the intents of one kind go in table transactions of up
    /// to 100 rows; for a record that has a row already (the insert refused) that row is read and returned, and a record not
    /// sent because of too many refusals in its batch goes the one-by-one way.
    /// The results are in the order of <paramref name="intents"/>.
    /// </summary>
    public async Task<IReadOnlyList<LedgerInsert>> TryInsertIntentsAsync(IReadOnlyList<LedgerIntent> intents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intents);
        var results = new LedgerInsert[intents.Count];
        var now = time.GetUtcNow();
        foreach (var chunk in Enumerable.Range(0, intents.Count).GroupBy(i => KindOf(intents[i].Key)).SelectMany(kind => kind.Chunk(TableClientExtensions.MaxTransactionActions)))
        {
            var entries = chunk.Select(i => new LedgerEntry
            {
                Key = intents[i].Key, State = LedgerState.Intent, PayloadHash = intents[i].PayloadHash, RunId = intents[i].RunId,
                Detail = intents[i].Detail, Attempts = 1, UpdatedAt = now,
            }).ToList();
            var outcome = await _table.SubmitLeavingOutRefusalsAsync(
                entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(e))).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < chunk.Length; j++)
            {
                var intent = intents[chunk[j]];
                if (outcome.Applied.TryGetValue(j, out var etag))
                    results[chunk[j]] = new LedgerInsert(true, entries[j] with { ETag = etag });
                else if (outcome.Refused.Contains(j) && await GetAsync(intent.Key, cancellationToken).ConfigureAwait(false) is { } existing)
                    results[chunk[j]] = new LedgerInsert(false, existing);
                else
                    results[chunk[j]] = await TryInsertIntentAsync(intent.Key, intent.PayloadHash, intent.RunId, intent.Detail, cancellationToken).ConfigureAwait(false);
            }
        }
        return results;
    }

    /// <summary>
    /// <see cref="UpdateAsync"/> for many rows at once (table transactions of up to 100 rows of a kind, each row ETag-checked).
    /// A row someone else changed meanwhile is not written: its place in the result is null, for the caller to re-read.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry?>> UpdateManyAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Any(e => e.ETag == default)) throw new ArgumentException("An ETag-checked update needs the ETag read with each row.", nameof(entries));
        var results = new LedgerEntry?[entries.Count];
        var now = time.GetUtcNow();
        foreach (var chunk in Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].Kind).SelectMany(kind => kind.Chunk(TableClientExtensions.MaxTransactionActions)))
        {
            var written = chunk.Select(i => entries[i] with { UpdatedAt = now }).ToList();
            var outcome = await _table.SubmitLeavingOutRefusalsAsync(
                written.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(e), e.ETag)).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < chunk.Length; j++)
            {
                if (outcome.Applied.TryGetValue(j, out var etag))
                {
                    results[chunk[j]] = written[j] with { ETag = etag };
                    continue;
                }
                if (outcome.Refused.Contains(j)) continue; // changed by someone else since it was read: null, for the caller to re-read
                try
                {
                    results[chunk[j]] = await UpdateAsync(entries[chunk[j]], cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException)
                {
                    results[chunk[j]] = null;
                }
            }
        }
        return results;
    }

    /// <summary>Writes a changed row back if nobody changed it since it was read; returns it with the new ETag and time.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since <paramref name="entry"/> was read (HTTP 412).</exception>
    public async Task<LedgerEntry> UpdateAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        var written = entry with { UpdatedAt = time.GetUtcNow() };
        var etag = await _table.ReplaceCheckedAsync(ToEntity(written), entry.ETag, cancellationToken).ConfigureAwait(false);
        return written with { ETag = etag };
    }

    /// <summary>Every record in a state (e.g. all parked ones), across kinds.</summary>
    public async IAsyncEnumerable<LedgerEntry> QueryByStateAsync(LedgerState state, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.GetString("State") == state.Value, cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return ToEntry(entity);
    }

    /// <summary>Every record of one kind (e.g. all vouchers).</summary>
    public async IAsyncEnumerable<LedgerEntry> QueryByKindAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == kind, cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return ToEntry(entity);
    }

    /// <summary>Every row matching <paramref name="query"/>, in key order.</summary>
    public async IAsyncEnumerable<LedgerEntry> QueryAsync(LedgerQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var entity in _table.QueryAsync<TableEntity>(query.ToFilter(), cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return ToEntry(entity);
    }

    /// <summary>One page of the rows matching <paramref name="query"/>: walk a list of any length without holding it all.</summary>
    public async Task<Paged<LedgerEntry>> QueryPageAsync(LedgerQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var pages = _table.QueryAsync<TableEntity>(query.ToFilter(), maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
            return new Paged<LedgerEntry>(page.Values.Select(ToEntry).ToList(), page.ContinuationToken);
        return Paged<LedgerEntry>.Empty;
    }

    private static TableEntity ToEntity(LedgerEntry entry) => new(entry.Kind, TableKeys.Escape(entry.Key))
    {
        ["Key"] = entry.Key,
        ["State"] = entry.State.Value,
        ["RemoteId"] = entry.RemoteId,
        ["PayloadHash"] = entry.PayloadHash,
        ["ParkedReason"] = entry.ParkedReason,
        ["Attempts"] = entry.Attempts,
        ["RunId"] = entry.RunId,
        ["Detail"] = entry.Detail,
        ["UpdatedAt"] = entry.UpdatedAt,
    };

    private static LedgerEntry ToEntry(TableEntity entity) => new()
    {
        Key = entity.GetString("Key") ?? TableKeys.Unescape(entity.RowKey),
        State = new LedgerState(entity.GetString("State") ?? ""),
        RemoteId = entity.GetString("RemoteId"),
        PayloadHash = entity.GetString("PayloadHash"),
        ParkedReason = entity.GetString("ParkedReason"),
        Attempts = entity.GetInt32("Attempts") ?? 0,
        RunId = entity.GetString("RunId"),
        Detail = entity.GetString("Detail"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? default,
        ETag = entity.ETag,
    };
}

using System.Globalization;
using Azure.Data.Tables;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Sync.Snapshots;

/// <summary>
/// The <c>snapshots</c> table: the last PeopleSoft version of every record the polls read, so a work item carries keys
/// only and a replay works from storage alone. Partition = the key's kind, row = the key. A string property holds at most
/// 64 KiB, so the JSON is split over <c>Json0</c>, <c>Json1</c>, ... (an entity holds 1 MiB: about 450,000 characters of record).
/// </summary>
public sealed class SourceSnapshotStore(PsBillStorage storage, SavedSnapshotCache saved)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "snapshots";

    /// <summary>The largest record JSON that can be stored.</summary>
    public const int MaxJsonLength = ChunkLength * MaxChunks;

    private const int ChunkLength = 30_000; // UTF-16: 60 KB of the 64 KiB a property may hold
    private const int MaxChunks = 15;
    private const int MaxTransactionChars = 1_500_000; // a transaction carries at most 4 MiB
    private readonly TableClient _table = storage.Table(TableName);

    /// <summary>Stores (replaces) the snapshots, in table transactions of up to 100 rows per kind, a few at once.</summary>
    /// <exception cref="ArgumentException">A record is larger than <see cref="MaxJsonLength"/>.</exception>
    public async Task SaveAsync(IEnumerable<SourceSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        var all = snapshots.ToList();
        var transactions = new List<List<TableTransactionAction>>();
        foreach (var kind in all.GroupBy(s => KindOf(s.Key)))
        {
            var batch = new List<TableTransactionAction>();
            var chars = 0;
            // A key given twice (read again in a later response of the same page) is stored in its later version, as cached,
            // and in one transaction only, so the transactions can go side by side.
            foreach (var snapshot in kind.GroupBy(s => s.Key, StringComparer.Ordinal).Select(g => ToEntity(g.Last())))
            {
                var size = snapshot.Sum(p => p.Value is string text ? text.Length : 8);
                if (batch.Count == TableClientExtensions.MaxTransactionActions || chars + size > MaxTransactionChars)
                {
                    transactions.Add(batch);
                    batch = [];
                    chars = 0;
                }
                batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, snapshot));
                chars += size;
            }
            if (batch.Count > 0) transactions.Add(batch);
        }
        await _table.SubmitTransactionsAsync(transactions, cancellationToken).ConfigureAwait(false);
        saved.Add(all);
    }

    /// <summary>The stored snapshot of a key, or null.</summary>
    public async Task<SourceSnapshot?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(KindOf(key), TableKeys.Escape(key), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToSnapshot(key, entity);
    }

    /// <summary>
    /// The stored snapshots of a work item's keys (a key never stored is left out): those this process saved moments ago from
    /// <see cref="SavedSnapshotCache"/> (once each), the rest read with one query per 14 keys of a kind instead of a read per
    /// key: a 100-voucher batch costs at most 8 requests, not 100.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SourceSnapshot>> GetManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, SourceSnapshot>(StringComparer.Ordinal);
        var unread = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (saved.Take(key) is { } snapshot) found[key] = snapshot;
            else unread.Add(key);
        }
        foreach (var kind in unread.GroupBy(KindOf, StringComparer.Ordinal))
        {
            await foreach (var entity in _table.GetManyAsync(kind.Key, kind.Select(TableKeys.Escape), cancellationToken).ConfigureAwait(false))
            {
                var key = entity.GetString("Key") ?? TableKeys.Unescape(entity.RowKey);
                found[key] = ToSnapshot(key, entity);
            }
        }
        return found;
    }

    private static SourceSnapshot ToSnapshot(string key, TableEntity entity)
    {
        var count = entity.GetInt32("Chunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString(ChunkName(i)) ?? ""));
        return new SourceSnapshot(key, json, entity.GetBoolean("Withdrawn") ?? false, entity.GetString("ReadContext"));
    }

    /// <summary>Marks a record withdrawn (it stopped qualifying in PeopleSoft), keeping its last version.</summary>
    public async Task MarkWithdrawnAsync(string key, CancellationToken cancellationToken = default)
    {
        saved.Forget(key);
        await _table.UpdateEntityAsync(new TableEntity(KindOf(key), TableKeys.Escape(key)) { ["Withdrawn"] = true }, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity ToEntity(SourceSnapshot snapshot)
    {
        if (snapshot.Json.Length > MaxJsonLength)
            throw new ArgumentException($"{snapshot.Key} is {snapshot.Json.Length} characters of JSON; a snapshot holds at most {MaxJsonLength}.", nameof(snapshot));
        var entity = new TableEntity(KindOf(snapshot.Key), TableKeys.Escape(snapshot.Key))
        {
            ["Key"] = snapshot.Key,
            ["Withdrawn"] = snapshot.Withdrawn,
            ["ReadContext"] = snapshot.ReadContext,
        };
        // Cut with Substring (which hands back the string itself for the usual snapshot that fits one property): Enumerable.Chunk
        // walked the JSON a character at a time and copied it twice.
        var json = snapshot.Json;
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        for (var i = 0; i < chunks; i++)
            entity[ChunkName(i)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - i * ChunkLength));
        entity["Chunks"] = chunks;
        return entity;
    }

    private static string ChunkName(int index) => "Json" + index.ToString(CultureInfo.InvariantCulture);

    private static string KindOf(string key) => Storage.Ledger.LedgerStore.KindOf(key);
}

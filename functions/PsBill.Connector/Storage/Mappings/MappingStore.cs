using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Mappings;

/// <summary>
/// Mappings from PeopleSoft values to BILL ids. Partition = kind, row = source value. Writes are upserts: the
/// reference-data sync is the only writer and re-derives every mapping from both systems each time.
/// </summary>
public sealed class MappingStore(PsBillStorage storage, TimeProvider time)
{
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Mappings);

    /// <summary>The BILL id for a value, or null when it is not mapped.</summary>
    public async Task<Mapping?> GetAsync(string kind, string sourceValue, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(TableKeys.Escape(kind), TableKeys.Escape(sourceValue), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToMapping(entity);
    }

    /// <summary>Every mapping of a kind.</summary>
    public async Task<IReadOnlyList<Mapping>> ListAsync(string kind, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.Escape(kind);
        var mappings = new List<Mapping>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            mappings.Add(ToMapping(entity));
        return mappings;
    }

    /// <summary>Creates or replaces a mapping; returns it with its time.</summary>
    public async Task<Mapping> UpsertAsync(Mapping mapping, CancellationToken cancellationToken = default)
    {
        var saved = mapping with { UpdatedAt = time.GetUtcNow() };
        await _table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(mapping.Kind), TableKeys.Escape(mapping.SourceValue))
        {
            ["Kind"] = saved.Kind,
            ["SourceValue"] = saved.SourceValue,
            ["BillId"] = saved.BillId,
            ["Detail"] = saved.Detail,
            ["UpdatedAt"] = saved.UpdatedAt,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <summary>Removes a mapping (no error when it is not there).</summary>
    public async Task DeleteAsync(string kind, string sourceValue, CancellationToken cancellationToken = default) =>
        await _table.DeleteEntityAsync(TableKeys.Escape(kind), TableKeys.Escape(sourceValue), cancellationToken: cancellationToken).ConfigureAwait(false);

    private static Mapping ToMapping(TableEntity e) => new(
        e.GetString("Kind") ?? TableKeys.Unescape(e.PartitionKey),
        e.GetString("SourceValue") ?? TableKeys.Unescape(e.RowKey),
        e.GetString("BillId") ?? "",
        e.GetString("Detail"),
        e.GetDateTimeOffset("UpdatedAt") ?? default);
}

using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Failures;

/// <summary>
/// Keys whose work failed after every retry (the Durable flows' answer to a poison queue): one row per key, replaced when
/// it fails again, removed when a replay gets it done. The ledger row is left as it was, so the exactly-once rules still
/// apply to the replay.
/// </summary>
public sealed class FailedItemStore(PsBillStorage storage, TimeProvider time)
{
    private const string Partition = "failed";
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Failures);

    /// <summary>Records (or re-records) a failed key.</summary>
    public async Task<FailedItem> RecordAsync(string key, string reason, string? runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var item = new FailedItem(key, reason, time.GetUtcNow(), runId);
        await _table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Escape(key))
        {
            ["Key"] = key,
            ["Reason"] = reason,
            ["At"] = item.At,
            ["RunId"] = runId,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return item;
    }

    /// <summary>Forgets a key (its replay got it done). No error when it was not recorded.</summary>
    public async Task ClearAsync(string key, CancellationToken cancellationToken = default) =>
        await _table.DeleteEntityAsync(Partition, TableKeys.Escape(key), cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Every failed key, oldest row key order.</summary>
    public async IAsyncEnumerable<FailedItem> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToItem(entity);
        }
    }

    /// <summary>One page of the failed keys: walk a list of any length without holding it all.</summary>
    public async Task<Paged<FailedItem>> ListPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var pages = _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
            return new Paged<FailedItem>(page.Values.Select(ToItem).ToList(), page.ContinuationToken);
        return Paged<FailedItem>.Empty;
    }

    private static FailedItem ToItem(TableEntity entity) =>
        new(entity.GetString("Key") ?? "", entity.GetString("Reason") ?? "", entity.GetDateTimeOffset("At") ?? default, entity.GetString("RunId"));
}

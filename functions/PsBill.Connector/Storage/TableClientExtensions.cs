using Azure;
using Azure.Data.Tables;

namespace PsBill.Connector.Storage;

/// <summary>The three table operations every store needs, with the storage errors turned into PsBill's meaning:
/// missing row = null, 409/412 = <see cref="ConcurrencyConflictException"/>.</summary>
public static class TableClientExtensions
{
    /// <summary>Reads a row, or null when it does not exist.</summary>
    public static async Task<TableEntity?> GetOrNullAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts a row that must not exist yet; returns its ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">The row exists already (409).</exception>
    public static async Task<ETag> InsertAsync(this TableClient table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConcurrencyConflictException(table.Name, entity.PartitionKey, entity.RowKey, 409, ex);
        }
    }

    /// <summary>Replaces a row only if it still has <paramref name="etag"/>; returns the new ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone else changed or deleted the row (412 or 404).</exception>
    public static async Task<ETag> ReplaceCheckedAsync(this TableClient table, TableEntity entity, ETag etag, CancellationToken cancellationToken = default)
    {
        if (etag == default) throw new ArgumentException("An ETag-checked update needs the ETag read with the row.", nameof(etag));
        try
        {
            var response = await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(table.Name, entity.PartitionKey, entity.RowKey, ex.Status, ex);
        }
    }

    /// <summary>A table transaction holds at most 100 actions, all on one partition.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Submits the actions (one partition, at most <see cref="MaxTransactionActions"/>) as one table transaction. A transaction
    /// is all or nothing, so when storage refuses one action (409 the row exists, 412 it changed, 404 it is gone) that action
    /// is left out and the rest sent again, up to <paramref name="maxRefusals"/> times. The outcome tells the caller which
    /// were applied and which refused (each refusal has its own meaning); the rest were not sent and are the caller's to do
    /// one by one.
    /// </summary>
    public static async Task<TransactionOutcome> SubmitLeavingOutRefusalsAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions,
        int maxRefusals = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var remaining = Enumerable.Range(0, actions.Count).ToList();
        var refused = new HashSet<int>();
        for (var refusals = 0; remaining.Count > 0 && refusals <= maxRefusals; refusals++)
        {
            try
            {
                var response = await table.SubmitTransactionAsync(remaining.Select(i => actions[i]), cancellationToken).ConfigureAwait(false);
                var applied = new Dictionary<int, ETag>(remaining.Count);
                for (var i = 0; i < remaining.Count; i++) applied[remaining[i]] = response.Value[i].Headers.ETag ?? default;
                return new TransactionOutcome(applied, refused);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404 && ex.FailedTransactionActionIndex is int failed && failed < remaining.Count)
            {
                refused.Add(remaining[failed]);
                remaining.RemoveAt(failed);
            }
        }
        return new TransactionOutcome(new Dictionary<int, ETag>(), refused);
    }

    /// <summary>Table transactions <see cref="SubmitTransactionsAsync"/> keeps in flight at once.</summary>
    public const int TransactionsInFlight = 4;

    /// <summary>
    /// Submits independent table transactions (each one partition, at most <see cref="MaxTransactionActions"/> actions, no row
    /// in two of them), up to <see cref="TransactionsInFlight"/> at once: a page's 20 snapshot transactions one after the other
    /// spent most of their time waiting on the round trip (about 2 s of a 2,000-voucher page under load). Each is still all
    /// or nothing; the first failure is thrown once those in flight have ended, and the caller's retry writes them all again
    /// (upserts, so the ones that went through are written again unchanged).
    /// </summary>
    public static async Task SubmitTransactionsAsync(this TableClient table, IEnumerable<IEnumerable<TableTransactionAction>> transactions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(transactions, parallel, async (actions, token) =>
            await table.SubmitTransactionAsync(actions, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Row keys per query: Azure Table storage allows at most 15 comparisons in a filter, one of them the partition's.</summary>
    public const int RowKeysPerQuery = 14;

    /// <summary>
    /// The rows of one partition with these (already escaped) row keys, read with one query per <see cref="RowKeysPerQuery"/>
    /// keys instead of a read per key; a row that does not exist is simply not returned.
    /// </summary>
    public static async IAsyncEnumerable<TableEntity> GetManyAsync(this TableClient table, string partitionKey, IEnumerable<string> rowKeys,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        foreach (var chunk in rowKeys.Distinct(StringComparer.Ordinal).Chunk(RowKeysPerQuery))
        {
            var rows = string.Join(" or ", chunk.Select(k => TableClient.CreateQueryFilter($"RowKey eq {k}")));
            var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")} and ({rows})";
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                yield return entity;
        }
    }
}

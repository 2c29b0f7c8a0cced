namespace PsBill.Connector.Storage;

/// <summary>
/// Another worker changed (or created) the row since it was read: the ETag no longer matches (HTTP 412), or an
/// insert found the row already there (HTTP 409). Re-read the row and decide again; never overwrite blindly.
/// </summary>
public sealed class ConcurrencyConflictException(string table, string partitionKey, string rowKey, int status, Exception? inner = null)
    : Exception($"Row {partitionKey}/{rowKey} in table {table} was changed by another worker (HTTP {status}); re-read it and try again.", inner)
{
    /// <summary>The physical table name.</summary>
    public string Table { get; } = table;

    /// <summary>The row's partition key.</summary>
    public string PartitionKey { get; } = partitionKey;

    /// <summary>The row's key.</summary>
    public string RowKey { get; } = rowKey;

    /// <summary>412 (stale ETag) or 409 (already exists).</summary>
    public int Status { get; } = status;
}

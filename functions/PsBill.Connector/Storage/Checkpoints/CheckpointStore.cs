using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Checkpoints;

/// <summary>
/// Named checkpoints, ETag-checked: two pollers that read the same checkpoint cannot both move it, the second one
/// gets a <see cref="ConcurrencyConflictException"/> and must not advance.
/// </summary>
public sealed class CheckpointStore(PsBillStorage storage, TimeProvider time)
{
    private const string Partition = "checkpoint";
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Checkpoints);

    /// <summary>Reads a checkpoint, or null if it was never saved.</summary>
    public async Task<Checkpoint?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(Partition, TableKeys.Escape(name), cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new Checkpoint(name, entity.GetString("Value") ?? "", entity.GetDateTimeOffset("UpdatedAt") ?? default, entity.ETag);
    }

    /// <summary>
    /// Saves a checkpoint: inserts it when <paramref name="checkpoint"/> has no ETag (never saved), otherwise replaces
    /// it only if it is unchanged since it was read. Returns it with its new ETag.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Someone else saved it first.</exception>
    public async Task<Checkpoint> SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var saved = checkpoint with { UpdatedAt = time.GetUtcNow() };
        var entity = new TableEntity(Partition, TableKeys.Escape(checkpoint.Name))
        {
            ["Name"] = checkpoint.Name,
            ["Value"] = checkpoint.Value,
            ["UpdatedAt"] = saved.UpdatedAt,
        };
        var etag = checkpoint.ETag == default
            ? await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false)
            : await _table.ReplaceCheckedAsync(entity, checkpoint.ETag, cancellationToken).ConfigureAwait(false);
        return saved with { ETag = etag };
    }
}

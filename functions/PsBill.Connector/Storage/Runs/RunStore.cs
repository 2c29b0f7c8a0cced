using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Polly;

namespace PsBill.Connector.Storage.Runs;

/// <summary>
/// The runs table. Run rows live in partition <c>run</c> under an inverted-time row key, so the newest come first;
/// the item keys of a run live in partition <c>items-{runId}</c>, one row each (a run may see thousands).
/// Counts are updated read-modify-write under the ETag, retried on conflict, because many workers add to them.
/// </summary>
public sealed class RunStore(PsBillStorage storage, TimeProvider time)
{
    private const string RunPartition = "run";
    private const string IdTimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";
    private readonly TableClient _table = storage.Table(StorageNames.Tables.Runs);
    private readonly ResiliencePipeline _conflictRetry = StoragePipelines.ConcurrencyRetry(time);

    /// <summary>Records the start of a run of <paramref name="function"/> and returns it.</summary>
    public async Task<Run> StartAsync(string function, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        var now = time.GetUtcNow();
        var run = new Run
        {
            Id = $"{now.UtcDateTime.ToString(IdTimeFormat, CultureInfo.InvariantCulture)}-{function}-{Guid.NewGuid().ToString("N")[..6]}",
            Function = function,
            StartedAt = now,
            Status = RunStatus.Running,
        };
        var etag = await _table.InsertAsync(ToEntity(run), cancellationToken).ConfigureAwait(false);
        return run with { ETag = etag };
    }

    /// <summary>Reads a run, or null if there is none with that id.</summary>
    public async Task<Run?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (RowKeyOf(runId) is not { } rowKey) return null;
        var entity = await _table.GetOrNullAsync(RunPartition, rowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRun(entity);
    }

    /// <summary>The most recent runs, newest first, optionally of one function.</summary>
    public async Task<IReadOnlyList<Run>> ListRecentAsync(int max = 50, string? function = null, CancellationToken cancellationToken = default)
    {
        var runs = new List<Run>();
        var query = function is null
            ? _table.QueryAsync<TableEntity>(e => e.PartitionKey == RunPartition, cancellationToken: cancellationToken)
            : _table.QueryAsync<TableEntity>(e => e.PartitionKey == RunPartition && e.GetString("Function") == function, cancellationToken: cancellationToken);
        await foreach (var entity in query.ConfigureAwait(false))
        {
            runs.Add(ToRun(entity));
            if (runs.Count >= max) break;
        }
        return runs;
    }

    /// <summary>Adds counts to a run (safe with many concurrent workers).</summary>
    /// <exception cref="InvalidOperationException">There is no such run.</exception>
    public Task<Run> AddCountsAsync(string runId, RunCounts delta, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, run => run with { Counts = run.Counts + delta }, cancellationToken);

    /// <summary>Marks a run finished, adding its final counts; with an error it is marked failed.</summary>
    public Task<Run> CompleteAsync(string runId, RunCounts counts, string? error = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, run => run with
        {
            Counts = run.Counts + counts,
            EndedAt = time.GetUtcNow(),
            Status = error is null ? RunStatus.Succeeded : RunStatus.Failed,
            Error = error,
        }, cancellationToken);

    /// <summary>Records which items a run touched (idempotent: a key recorded twice is one row).</summary>
    public async Task AddItemKeysAsync(string runId, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var partition = ItemPartition(runId);
        // A table transaction takes up to 100 rows of one partition.
        var transactions = keys.Distinct(StringComparer.Ordinal).Chunk(TableClientExtensions.MaxTransactionActions)
            .Select(chunk => chunk.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(partition, TableKeys.Escape(k)) { ["Key"] = k })));
        await _table.SubmitTransactionsAsync(transactions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The item keys a run touched.</summary>
    public async IAsyncEnumerable<string> ListItemKeysAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = ItemPartition(runId);
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["Key"], cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return entity.GetString("Key") ?? TableKeys.Unescape(entity.RowKey);
    }

    private Task<Run> ChangeAsync(string runId, Func<Run, Run> change, CancellationToken cancellationToken) =>
        _conflictRetry.ExecuteAsync(async token =>
        {
            var run = await GetAsync(runId, token).ConfigureAwait(false)
                      ?? throw new InvalidOperationException($"Run {runId} does not exist.");
            var changed = change(run);
            var etag = await _table.ReplaceCheckedAsync(ToEntity(changed), run.ETag, token).ConfigureAwait(false);
            return changed with { ETag = etag };
        }, cancellationToken).AsTask();

    private static string ItemPartition(string runId) => "items-" + TableKeys.Escape(runId);

    // Newest first: the row key counts down as time goes up. The id carries the start time, so the key is derived from it.
    private static string? RowKeyOf(string runId)
    {
        if (runId.Length < 19 ||
            !DateTime.TryParseExact(runId[..19], IdTimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var started))
            return null;
        return string.Create(CultureInfo.InvariantCulture, $"{DateTime.MaxValue.Ticks - started.Ticks:D19}-{TableKeys.Escape(runId)}");
    }

    private static TableEntity ToEntity(Run run) => new(RunPartition, RowKeyOf(run.Id) ?? throw new ArgumentException($"Bad run id {run.Id}."))
    {
        ["Id"] = run.Id,
        ["Function"] = run.Function,
        ["StartedAt"] = run.StartedAt,
        ["EndedAt"] = run.EndedAt,
        ["Status"] = run.Status.Value,
        ["Error"] = run.Error,
        ["Seen"] = run.Counts.Seen,
        ["Created"] = run.Counts.Created,
        ["Updated"] = run.Counts.Updated,
        ["AlreadyThere"] = run.Counts.AlreadyThere,
        ["Parked"] = run.Counts.Parked,
        ["Failed"] = run.Counts.Failed,
    };

    private static Run ToRun(TableEntity e) => new()
    {
        Id = e.GetString("Id") ?? "",
        Function = e.GetString("Function") ?? "",
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? default,
        EndedAt = e.GetDateTimeOffset("EndedAt"),
        Status = new RunStatus(e.GetString("Status") ?? ""),
        Error = e.GetString("Error"),
        Counts = new RunCounts(e.GetInt32("Seen") ?? 0, e.GetInt32("Created") ?? 0, e.GetInt32("Updated") ?? 0,
            e.GetInt32("AlreadyThere") ?? 0, e.GetInt32("Parked") ?? 0, e.GetInt32("Failed") ?? 0),
        ETag = e.ETag,
    };
}

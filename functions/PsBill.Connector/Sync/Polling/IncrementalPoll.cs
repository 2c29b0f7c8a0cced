using System.Diagnostics;
using PsBill.Connector.Diagnostics.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Sync.Polling;

/// <summary>
/// One page of a poll: read PeopleSoft from the checkpoint, up to <see cref="SyncOptions.PollChunkSize"/> records: store
/// their snapshots, park the rows that could not be read (naming key and field), hand the keys over in batches (one bulk
/// call each), record them on the run, and hand over the checkpoint after them. The flow sends the batches and saves the
/// checkpoint only after its fan-in, so a crash re-reads a page, never skips one; the ledger makes the re-read harmless.
/// </summary>
public sealed class IncrementalPoll(
    SourceSnapshotStore snapshots, SyncLedger ledger, AuditTrail audit, IWorkSink work, RunStore runs, CheckpointStore checkpoints,
    IOptions<SyncOptions> options, ILogger<IncrementalPoll> logger)
{
    /// <summary>Reads one page; returns seen (every record read) and parked (rows that could not be read), and whether more follow.</summary>
    public async Task<PollPageResult> PollAsync<T>(RunContext run, PollSource<T> source, CancellationToken cancellationToken = default) where T : class
    {
        using var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.Poll);
        span?.SetTag(PsBillTelemetry.Tags.Kind, source.Kind.Value);
        span?.SetTag(PsBillTelemetry.Tags.RunId, run.RunId);
        var saved = await checkpoints.GetAsync(source.CheckpointName, cancellationToken).ConfigureAwait(false);
        // Reading ahead, the page starts after the previous page's checkpoint, which is saved only once its work is done.
        var after = run.ReadAfter is { } ahead && ahead.TryGetValue(source.CheckpointName, out var value) ? value : saved?.Value;
        var since = after is null ? null : PeopleSoftCheckpoint.Parse(after);
        var chunk = new List<PeopleSoftReadResult<T>>(options.Value.PollChunkSize);
        var more = false;
        await foreach (var result in source.Read(since, cancellationToken).ConfigureAwait(false))
        {
            if (chunk.Count == options.Value.PollChunkSize)
            {
                // The page is full and another record exists: the flow comes back for it after this page's work.
                more = true;
                break;
            }
            chunk.Add(result);
        }
        var counts = chunk.Count > 0 ? await FlushAsync(run, source, chunk, saved, cancellationToken).ConfigureAwait(false) : RunCounts.None;
        return new PollPageResult(counts, more);
    }

    private async Task<RunCounts> FlushAsync<T>(RunContext run, PollSource<T> source, List<PeopleSoftReadResult<T>> chunk, Checkpoint? saved, CancellationToken cancellationToken)
        where T : class
    {
        var good = new List<SourceSnapshot>();
        var bad = new List<(string Key, string Reason)>();
        foreach (var result in chunk)
        {
            if (result.Record is { } record)
            {
                // The poll's span: the work item that sends this record continues its trace (BatchSpans.StartSync).
                var snapshot = source.Snapshot(record) with { ReadContext = Activity.Current?.Id };
                if (snapshot.Json.Length <= SourceSnapshotStore.MaxJsonLength) good.Add(snapshot);
                else bad.Add((snapshot.Key, $"{snapshot.Key}: the record is too large to keep ({snapshot.Json.Length} characters of JSON; at most {SourceSnapshotStore.MaxJsonLength})"));
            }
            else if (result.Error is { } error)
            {
                bad.Add((error.RecordKey, $"{error.RecordKey}: PeopleSoft row {error.RowNumber} could not be read: {error.Field} {error.Reason}"));
            }
        }

        // The run's item list does not wait on the snapshots: both must be written before the page's work is handed over, in
        // either order (a failure of either fails the page, and its retry writes both again).
        var keys = good.Select(s => s.Key).Distinct(StringComparer.Ordinal).ToList();
        var itemKeys = runs.AddItemKeysAsync(run.RunId, keys.Concat(bad.Select(b => b.Key)), cancellationToken);
        await Task.WhenAll(snapshots.SaveAsync(good, cancellationToken), itemKeys).ConfigureAwait(false);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.StorageParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(bad, parallel, async (row, token) =>
        {
            await ledger.RecordParkedAsync(row.Key, null, row.Reason, ParkCause.Data, run.RunId, token).ConfigureAwait(false);
            PsBillTelemetry.RecordsParked.Add(1, new KeyValuePair<string, object?>(PsBillTelemetry.Tags.Kind, source.Kind.Value));
            await audit.AppendAsync(row.Key, "peoplesoft.read", "parked", row.Reason, run.RunId, token).ConfigureAwait(false);
            SyncLog.Parked(logger, row.Key, row.Reason);
        }).ConfigureAwait(false);
        // Records read fine get no audit row of their own here: the run's item list records that this run read them (one
        // batched write per 100 keys instead of one per key), and their first audit step carries the run id.

        // The work first, then the checkpoint after it: the flow saves the checkpoint once the work is done.
        await work.EnqueueBatchesAsync(source.Kind, keys, source.BatchSize, run.RunId, cancellationToken).ConfigureAwait(false);

        if (chunk.LastOrDefault(r => r.Checkpoint is not null)?.Checkpoint is { } position)
        {
            var value = position.Serialize();
            await work.SaveCheckpointAfterWorkAsync(saved is null ? new Checkpoint(source.CheckpointName, value) : saved with { Value = value }, cancellationToken).ConfigureAwait(false);
            SyncLog.PollChunk(logger, run.RunId, chunk.Count, source.Kind.Value, position.ToString());
        }

        return new RunCounts(Seen: chunk.Count, Parked: bad.Count);
    }
}

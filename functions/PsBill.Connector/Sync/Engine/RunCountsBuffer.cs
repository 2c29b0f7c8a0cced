using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Sync.Engine;

/// <summary>
/// Adds work item counts to their runs through one writer per process. Dozens of items of one poll finish at once; each
/// writing the run row itself makes them fight over its ETag until the conflict retries run out and a finished item fails
/// for a counter. Here deltas are summed in memory and one flusher writes them; a write that still conflicts keeps its delta
/// for the next flush. A count never fails an item.
/// </summary>
public sealed partial class RunCountsBuffer(RunStore runs, ILogger<RunCountsBuffer> logger)
{
    private readonly ConcurrentDictionary<string, RunCounts> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Adds <paramref name="delta"/> to the run, now or with the next flush.</summary>
    public async Task AddAsync(string runId, RunCounts delta, CancellationToken cancellationToken = default)
    {
        _pending.AddOrUpdate(runId, delta, (_, counts) => counts + delta);
        // Whoever holds the lock writes everything pending, including this delta. One more try after releasing it, so a
        // delta added just as the flusher finished is not left behind; a delta whose write conflicted waits for the next add.
        for (var attempt = 0; attempt < 2 && !_pending.IsEmpty; attempt++)
        {
            if (!await _flushing.WaitAsync(0, cancellationToken).ConfigureAwait(false)) return;
            try
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _flushing.Release();
            }
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var runId in _pending.Keys.ToList())
        {
            if (!_pending.TryRemove(runId, out var counts)) continue;
            try
            {
                await runs.AddCountsAsync(runId, counts, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                LogDropped(logger, runId, ex.Message); // the run row is gone: nothing to add to
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or Azure.RequestFailedException)
            {
                _pending.AddOrUpdate(runId, counts, (_, later) => later + counts);
                LogDeferred(logger, runId, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counts of run {RunId} dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counts of run {RunId} not written yet ({Reason}); they go with the next flush")]
    private static partial void LogDeferred(ILogger logger, string runId, string reason);
}

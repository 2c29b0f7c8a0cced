using Microsoft.Extensions.Logging;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RunWorkItems"/>: several work items in one activity (a batch of a lane: bulk vendor or
/// bill batches, a settlement lane's payments), each as <see cref="RunWorkItemActivity"/> runs it, so a batch pays one
/// activity round trip, not one per item. Four items run side by side, so three read and write storage (snapshots, intents,
/// PeopleSoft postings) while one is in BILL; their BILL calls still go one at a time, because the batch holds one slot
/// (<see cref="BillSlotScope"/>). Items that share a key never run at the same time. An item that throws (storage down, a
/// bug) does not fail the batch: its place in the answer is null, so is the place of every item not started after it (in an
/// outage more would only fail too), and the lane runs those again one item per activity with the activity retry policy.
/// Runs at least once, like every activity: the ledger makes a repeated item safe.
/// </summary>
/// <remarks>
/// Create results (<see cref="WorkItemResult.Unrecorded"/>) are written here, by their item, while later items of the batch
/// still have BILL calls ahead: the writes overlap those calls, as they would in <see cref="RecordResultsActivity"/>. Only
/// the results of the item that finishes last (nothing of the batch is left to overlap with) go back to the lane for
/// <see cref="RecordResultsActivity"/> beside its next batch. So a batch's answer carries one item's results, not eight:
/// a lane's history held each of them twice (this answer and RecordResults' input), up to 700 KB a batch, which the
/// Durable engine copies, compresses, stores and reads again on every replay of the lane. A write that fails here leaves
/// its results to RecordResults, which retries it.
/// </remarks>
public sealed partial class RunWorkItemsActivity(RunWorkItemActivity single, RecordResultsActivity recorder, TimeProvider time, ILogger<RunWorkItemsActivity> logger)
{
    /// <summary>Items run side by side.</summary>
    public const int SideBySide = 4;

    /// <summary>The activity body: one result per item, in order; null for an item to run again on its own.</summary>
    public async Task<IReadOnlyList<WorkItemResult?>> RunAsync(IReadOnlyList<WorkItem> items, string invocationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var began = time.GetTimestamp();
        var started = new List<Task<WorkItemResult?>>(items.Count);
        var running = new List<(IReadOnlyList<string> Keys, Task Task)>();
        var threw = false;
        var unfinished = items.Count;
        using (BillSlotScope.Enter())
        {
            foreach (var item in items)
            {
                while (running.Count >= SideBySide || running.Exists(r => r.Keys.Intersect(item.Keys, StringComparer.Ordinal).Any()))
                {
                    await Task.WhenAny(running.Select(r => r.Task)).ConfigureAwait(false);
                    running.RemoveAll(r => r.Task.IsCompleted);
                }
                if (Volatile.Read(ref threw))
                {
                    Interlocked.Add(ref unfinished, started.Count - items.Count); // not started: no BILL call ahead of them
                    break;
                }
                var task = RunOneAsync(item);
                started.Add(task);
                running.Add((item.Keys, task));
            }
            var done = await Task.WhenAll(started).ConfigureAwait(false);
            LogRan(logger, items.Count, done.Count(r => r is null) + items.Count - done.Length, items.Count > 0 ? items[0].Keys[0] : "", time.GetElapsedTime(began).TotalMilliseconds);
            return [.. done, .. Enumerable.Repeat<WorkItemResult?>(null, items.Count - done.Length)];
        }

        async Task<WorkItemResult?> RunOneAsync(WorkItem item)
        {
            WorkItemResult result;
            try
            {
                result = await single.RunAsync(item, invocationId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref threw, true);
                Interlocked.Decrement(ref unfinished);
                LogThrew(logger, ex, item.Kind.Value, item.Keys[0]);
                return null;
            }

            if (Interlocked.Decrement(ref unfinished) == 0 || result.Unrecorded is not { } unrecorded) return result;
            try
            {
                await recorder.RunAsync(unrecorded, cancellationToken).ConfigureAwait(false);
                return result with { Unrecorded = null };
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogLeftToRecord(logger, ex, unrecorded.Count, item.Keys[0]);
                return result;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch of {ItemCount} work items from {FirstKey} in {Milliseconds:F0} ms; {Unfinished} left to run on their own")]
    private static partial void LogRan(ILogger logger, int itemCount, int unfinished, string firstKey, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {ResultCount} create results of the work item from {FirstKey} failed in its batch; RecordResults writes them")]
    private static partial void LogLeftToRecord(ILogger logger, Exception exception, int resultCount, string firstKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Kind} from {FirstKey} threw in a batch; it runs again on its own")]
    private static partial void LogThrew(ILogger logger, Exception exception, string kind, string firstKey);
}

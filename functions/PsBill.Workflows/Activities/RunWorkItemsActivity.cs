using Microsoft.Extensions.Logging;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RunWorkItems"/>: several work items in one activity (a settlement lane's batch of
/// payments), each as <see cref="RunWorkItemActivity"/> runs it, so a batch pays one activity round trip, not one per
/// payment. Four items run side by side, so three post to PeopleSoft and the ledger while one reads BILL; their BILL calls still go
/// one at a time, because the batch holds one slot (<see cref="BillSlotScope"/>). Items that share a key (two notifications
/// about one payment) never run at the same time. Runs at least once, like every activity: the ledger makes a repeated
/// payment safe.
/// </summary>
public sealed partial class RunWorkItemsActivity(RunWorkItemActivity single, TimeProvider time, ILogger<RunWorkItemsActivity> logger)
{
    /// <summary>Items run side by side.</summary>
    public const int SideBySide = 4;

    /// <summary>The activity body: one result per item, in order.</summary>
    public async Task<IReadOnlyList<WorkItemResult>> RunAsync(IReadOnlyList<WorkItem> items, string invocationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var began = time.GetTimestamp();
        var started = new List<Task<WorkItemResult>>(items.Count);
        var running = new List<(IReadOnlyList<string> Keys, Task Task)>();
        using (BillSlotScope.Enter())
        {
            foreach (var item in items)
            {
                while (running.Count >= SideBySide || running.Exists(r => r.Keys.Intersect(item.Keys, StringComparer.Ordinal).Any()))
                {
                    await Task.WhenAny(running.Select(r => r.Task)).ConfigureAwait(false);
                    running.RemoveAll(r => r.Task.IsCompleted);
                }
                // An item that threw fails the batch (it runs again, or one item per activity): starting more is wasted work.
                if (started.Exists(t => t.IsFaulted)) break;
                var task = single.RunAsync(item, invocationId, cancellationToken);
                started.Add(task);
                running.Add((item.Keys, task));
            }
            var done = await Task.WhenAll(started).ConfigureAwait(false);
            LogRan(logger, items.Count, items.Count > 0 ? items[0].Keys[0] : "", time.GetElapsedTime(began).TotalMilliseconds);
            return done;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch of {ItemCount} work items from {FirstKey} in {Milliseconds:F0} ms")]
    private static partial void LogRan(ILogger logger, int itemCount, string firstKey, double milliseconds);
}

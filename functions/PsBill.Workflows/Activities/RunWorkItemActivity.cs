using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RunWorkItem"/>: one work item (a bulk vendor or bill batch, a payment) by the handler
/// of its kind, on the BillGate slot its lane holds (its BILL calls go one at a time). The bulk create results are not
/// written here but returned, and <see cref="RecordResultsActivity"/> writes them without holding the slot. Runs at least
/// once: the handlers are safe to repeat because of the ledger. A replayed key that gets done leaves the failures table.
/// </summary>
public sealed partial class RunWorkItemActivity(IServiceScopeFactory scopes, FailedItemStore failures, TimeProvider time, ILogger<RunWorkItemActivity> logger)
{
    /// <summary>The activity body.</summary>
    public async Task<WorkItemResult> RunAsync(WorkItem item, string invocationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var started = time.GetTimestamp();
        WorkOutcome outcome;
        DeferredCreateResults unrecorded;
        await using (var scope = scopes.CreateAsyncScope())
        using (BillSlotScope.Enter())
        using (DeferredCreateResults.Open(out unrecorded))
        using (AmbientWorkSink.Use(new CollectedWork()))
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<WorkDispatcher>();
            outcome = await dispatcher.DispatchAsync(item, new WorkContext(item.Id, item.Attempt + 1, invocationId), cancellationToken).ConfigureAwait(false);
        }

        LogRan(logger, item.Kind.Value, item.Keys[0], item.Keys.Count, outcome.Kind.ToString(), time.GetElapsedTime(started).TotalMilliseconds);
        if (item.Replay && outcome.Kind is WorkOutcomeKind.Done or WorkOutcomeKind.Parked)
            foreach (var key in item.Keys) await failures.ClearAsync(key, cancellationToken).ConfigureAwait(false);
        return WorkItemResult.From(outcome, unrecorded.Results);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Work item {Kind} from {FirstKey} ({KeyCount} keys): {Outcome} in {Milliseconds:F0} ms")]
    private static partial void LogRan(ILogger logger, string kind, string firstKey, int keyCount, string outcome, double milliseconds);
}

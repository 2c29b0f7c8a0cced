using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RunWorkItems"/>: several work items one after another in one activity (a settlement
/// lane's batch of payments), each as <see cref="RunWorkItemActivity"/> runs it, so a batch pays one activity round trip,
/// not one per payment. Runs at least once, like every activity: the ledger makes a repeated payment safe.
/// </summary>
public sealed class RunWorkItemsActivity(RunWorkItemActivity single)
{
    /// <summary>The activity body: one result per item, in order.</summary>
    public async Task<IReadOnlyList<WorkItemResult>> RunAsync(IReadOnlyList<WorkItem> items, string invocationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<WorkItemResult>(items.Count);
        foreach (var item in items) results.Add(await single.RunAsync(item, invocationId, cancellationToken).ConfigureAwait(false));
        return results;
    }
}

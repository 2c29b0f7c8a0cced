using Microsoft.Azure.Functions.Worker;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>RunWorkItems</c> (<see cref="RunWorkItemsActivity"/>): a lane's batch (bulk batches of a poll, a settlement lane's payments).</summary>
public sealed class RunWorkItems(RunWorkItemsActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.RunWorkItems)]
    public Task<IReadOnlyList<WorkItemResult?>> Run([ActivityTrigger] IReadOnlyList<WorkItem> input, FunctionContext context, CancellationToken cancellationToken) =>
        activity.RunAsync(input, context.InvocationId, cancellationToken);
}

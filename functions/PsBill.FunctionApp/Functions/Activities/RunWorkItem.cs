using Microsoft.Azure.Functions.Worker;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>RunWorkItem</c> (<see cref="RunWorkItemActivity"/>); the invocation id goes into the handler's context.</summary>
public sealed class RunWorkItem(RunWorkItemActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.RunWorkItem)]
    public Task<WorkItemResult> Run([ActivityTrigger] WorkItem input, FunctionContext context, CancellationToken cancellationToken) =>
        activity.RunAsync(input, context.InvocationId, cancellationToken);
}

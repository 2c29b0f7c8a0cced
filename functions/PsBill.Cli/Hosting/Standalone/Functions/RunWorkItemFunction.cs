using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.RunWorkItem"/>: <see cref="RunWorkItemActivity"/>.</summary>
public sealed class RunWorkItemFunction(RunWorkItemActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.RunWorkItem)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<WorkItem, WorkItemResult>(context, input => activity.RunAsync(input, context.InstanceId, cancellationToken));
}

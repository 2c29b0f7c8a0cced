using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.RunWorkItems"/>: <see cref="RunWorkItemsActivity"/>.</summary>
public sealed class RunWorkItemsFunction(RunWorkItemsActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.RunWorkItems)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<IReadOnlyList<WorkItem>, IReadOnlyList<WorkItemResult?>>(context, input => activity.RunAsync(input, context.InstanceId, cancellationToken));
}

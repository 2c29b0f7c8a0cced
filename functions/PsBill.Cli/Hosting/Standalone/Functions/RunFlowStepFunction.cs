using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.RunFlowStep"/>: <see cref="RunFlowStepActivity"/>.</summary>
public sealed class RunFlowStepFunction(RunFlowStepActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.RunFlowStep)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<FlowStepInput, FlowStepResult>(context, input => activity.RunAsync(input, cancellationToken));
}

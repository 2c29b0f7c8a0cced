using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.CompleteRun"/>: <see cref="CompleteRunActivity"/>.</summary>
public sealed class CompleteRunFunction(CompleteRunActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.CompleteRun)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<CompleteRunInput, bool>(context, input => activity.RunAsync(input, cancellationToken));
}

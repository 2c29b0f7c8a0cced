using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.StartRun"/>: <see cref="StartRunActivity"/>.</summary>
public sealed class StartRunFunction(StartRunActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.StartRun)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<string, string>(context, input => activity.RunAsync(input, cancellationToken));
}

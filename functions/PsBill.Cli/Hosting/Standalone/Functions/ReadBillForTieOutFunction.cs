using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Workflows;
using PsBill.Workflows.Activities;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.ReadBillForTieOut"/>: <see cref="ReadBillForTieOutActivity"/>.</summary>
public sealed class ReadBillForTieOutFunction(ReadBillForTieOutActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.ReadBillForTieOut)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<string, string?>(context, runId => activity.RunAsync(runId, cancellationToken));
}

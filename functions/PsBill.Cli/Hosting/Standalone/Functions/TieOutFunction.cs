using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.TieOut"/>: <see cref="TieOutActivity"/>.</summary>
public sealed class TieOutFunction(TieOutActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.TieOut)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<TieOutInput, StoredTieOut>(context, input => activity.RunAsync(input, cancellationToken));
}

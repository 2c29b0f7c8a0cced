using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.SettlePayments"/>: <see cref="SettlePaymentsActivity"/>.</summary>
public sealed class SettlePaymentsFunction(SettlePaymentsActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.SettlePayments)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<SettleInput, WorkItemResult>(context, input => activity.RunAsync(input, cancellationToken));
}

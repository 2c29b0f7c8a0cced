using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.RecordFailures"/>: <see cref="RecordFailuresActivity"/>.</summary>
public sealed class RecordFailuresFunction(RecordFailuresActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.RecordFailures)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<IReadOnlyList<FailedWork>, int>(context, input => activity.RunAsync(input, cancellationToken));
}

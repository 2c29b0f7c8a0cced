using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.RecordResults"/>: <see cref="RecordResultsActivity"/>.</summary>
public sealed class RecordResultsFunction(RecordResultsActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.RecordResults)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<IReadOnlyList<PsBill.Connector.Sync.Engine.CreateResult>, int>(context, input => activity.RunAsync(input, cancellationToken));
}

using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;
using PsBill.Connector.Work;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Activity <see cref="FunctionNames.Activities.SaveCheckpoints"/>: <see cref="SaveCheckpointsActivity"/>.</summary>
public sealed class SaveCheckpointsFunction(SaveCheckpointsActivity activity)
{
    /// <summary>One execution.</summary>
    [FunctionName(FunctionNames.Activities.SaveCheckpoints)]
    public Task<JToken> RunAsync([ActivityTrigger] IDurableActivityContext context, CancellationToken cancellationToken) =>
        ActivityShim.RunAsync<IReadOnlyList<CheckpointValue>, int>(context, input => activity.RunAsync(input, cancellationToken));
}

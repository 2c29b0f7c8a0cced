using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>SaveCheckpoints</c> (<see cref="SaveCheckpointsActivity"/>).</summary>
public sealed class SaveCheckpoints(SaveCheckpointsActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.SaveCheckpoints)]
    public Task<int> Run([ActivityTrigger] IReadOnlyList<CheckpointValue> input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}

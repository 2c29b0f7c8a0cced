using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>CompleteRun</c> (<see cref="CompleteRunActivity"/>).</summary>
public sealed class CompleteRun(CompleteRunActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.CompleteRun)]
    public Task<bool> Run([ActivityTrigger] CompleteRunInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>RecordFailures</c> (<see cref="RecordFailuresActivity"/>).</summary>
public sealed class RecordFailures(RecordFailuresActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.RecordFailures)]
    public Task<int> Run([ActivityTrigger] IReadOnlyList<FailedWork> input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}

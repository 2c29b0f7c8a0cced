using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>ReadBillForTieOut</c> (<see cref="ReadBillForTieOutActivity"/>).</summary>
public sealed class ReadBillForTieOut(ReadBillForTieOutActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.ReadBillForTieOut)]
    public Task<string?> Run([ActivityTrigger] string runId, CancellationToken cancellationToken) =>
        activity.RunAsync(runId, cancellationToken);
}

using PsBill.Connector.Sync.Engine;
using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>RecordResults</c> (<see cref="RecordResultsActivity"/>).</summary>
public sealed class RecordResults(RecordResultsActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.RecordResults)]
    public Task<int> Run([ActivityTrigger] IReadOnlyList<CreateResult> input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}

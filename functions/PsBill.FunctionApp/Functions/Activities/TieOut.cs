using Microsoft.Azure.Functions.Worker;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>TieOut</c> (<see cref="TieOutActivity"/>).</summary>
public sealed class TieOut(TieOutActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.TieOut)]
    public Task<StoredTieOut> Run([ActivityTrigger] TieOutInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}

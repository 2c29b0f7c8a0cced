using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>SettlePayments</c> (<see cref="SettlePaymentsActivity"/>).</summary>
public sealed class SettlePayments(SettlePaymentsActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.SettlePayments)]
    public Task<WorkItemResult> Run([ActivityTrigger] SettleInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}

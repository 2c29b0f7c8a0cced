using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Work.Steps;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.ReadBillForTieOut"/>: when a tie-out is due, BILL's bills and payments read on the
/// BillGate slot the flow holds and kept in a blob; returns the blob's name, or null when none is due or BILL could not be read.
/// </summary>
public sealed class ReadBillForTieOutActivity(IServiceProvider services)
{
    /// <summary>The activity body.</summary>
    public async Task<string?> RunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var tieOut = services.GetService<ScheduledTieOut>() ?? throw new StepNotConfiguredException(FunctionNames.Activities.ReadBillForTieOut, typeof(ScheduledTieOut));
        using (BillSlotScope.Enter())
        {
            return await tieOut.ReadBillIfDueAsync(runId, cancellationToken).ConfigureAwait(false);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Work.Steps;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary><see cref="FunctionNames.Activities.TieOut"/>: PeopleSoft and the ledger read against BILL's read, the report
/// built and stored (<see cref="ScheduledTieOut.BuildAndStoreAsync"/>); no BILL call, so no slot.</summary>
public sealed class TieOutActivity(IServiceProvider services)
{
    /// <summary>The activity body.</summary>
    public Task<StoredTieOut> RunAsync(TieOutInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tieOut = services.GetService<ScheduledTieOut>() ?? throw new StepNotConfiguredException(FunctionNames.Activities.TieOut, typeof(ScheduledTieOut));
        return tieOut.BuildAndStoreAsync(input.RunId, input.BillRead, cancellationToken);
    }
}

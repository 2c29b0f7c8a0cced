using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Sync.Engine;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RecordResults"/>: writes the create results of one item's BILL call (BILL ids, refusals,
/// unknown outcomes) to the ledger and the audit trail, without a BillGate slot of its own: its lane runs it beside the next
/// item's BILL call and waits for it before returning, so it is written before the flow retries or moves its checkpoint.
/// Safe to repeat.
/// </summary>
public sealed class RecordResultsActivity(IServiceScopeFactory scopes)
{
    /// <summary>The activity body.</summary>
    public async Task<int> RunAsync(IReadOnlyList<CreateResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var scope = scopes.CreateAsyncScope();
        using var noBill = BillSlotScope.Forbid(FunctionNames.Activities.RecordResults); // runs beside its lane's next BILL call
        await scope.ServiceProvider.GetRequiredService<CreateResultWriter>().WriteAsync(results, cancellationToken).ConfigureAwait(false);
        return results.Count;
    }
}

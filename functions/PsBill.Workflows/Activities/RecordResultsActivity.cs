using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Sync.Engine;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RecordResults"/>: writes the create results of a round's BILL calls (BILL ids, refusals,
/// unknown outcomes) to the ledger and the audit trail, outside any BillGate slot, before the flow retries or moves its
/// checkpoint. Safe to repeat.
/// </summary>
public sealed class RecordResultsActivity(IServiceScopeFactory scopes)
{
    /// <summary>The activity body.</summary>
    public async Task<int> RunAsync(IReadOnlyList<CreateResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreateResultWriter>().WriteAsync(results, cancellationToken).ConfigureAwait(false);
        return results.Count;
    }
}

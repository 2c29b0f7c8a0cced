using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Reconciliation.Scheduled;

/// <summary>
/// The tie-out after a payment cycle, in the two steps the Durable flow runs: BILL's side read on a BillGate slot (when a
/// tie-out is due), then PeopleSoft and the ledger read without one, the report built and stored. PeopleSoft or BILL being
/// unreachable is stored as a failed tie-out (the alerts say so) and is no error of the payment cycle.
/// </summary>
public sealed class ScheduledTieOut(TieOutService tieOut, TieOutStore store, IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<ScheduledTieOut> logger)
{
    /// <summary>Reads BILL for the tie-out after run <paramref name="runId"/> and keeps the read; returns its blob name, or
    /// null when no tie-out is due (one was made within <see cref="ReconciliationOptions.MinInterval"/>) or BILL could not be read.</summary>
    public async Task<string?> ReadBillIfDueAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var last = await store.LatestAsync(madeOnly: true, cancellationToken).ConfigureAwait(false);
        if (last is not null && time.GetUtcNow() - last.GeneratedAt < options.Value.MinInterval)
        {
            ReconciliationLog.NotDue(logger, runId, last.Id, last.GeneratedAt);
            return null;
        }

        try
        {
            var read = await tieOut.ReadBillAsync(cancellationToken).ConfigureAwait(false);
            return await store.SaveBillReadAsync(runId, read, cancellationToken).ConfigureAwait(false);
        }
        catch (BillApiException ex)
        {
            await FailedAsync(runId, $"BILL could not be read: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Builds the report from BILL's read <paramref name="billRead"/> and PeopleSoft and the ledger now, stores it and
    /// prunes reports past <see cref="ReconciliationOptions.Retention"/>. Safe to repeat: a run's tie-out is stored once.</summary>
    public async Task<StoredTieOut> BuildAndStoreAsync(string runId, string billRead, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(billRead);
        if (await store.FindByRunAsync(runId, cancellationToken).ConfigureAwait(false) is { } stored) return stored;
        if (await store.ReadBillReadAsync(billRead, cancellationToken).ConfigureAwait(false) is not { } read)
            return await FailedAsync(runId, $"BILL's read {billRead} is gone", cancellationToken).ConfigureAwait(false);

        TieOutReport report;
        try
        {
            report = await tieOut.BuildAsync(read, asOf: null, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            return await FailedAsync(runId, $"PeopleSoft could not be read: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }

        var saved = await store.SaveAsync(report, runId, cancellationToken).ConfigureAwait(false);
        await store.DeleteBillReadAsync(billRead, cancellationToken).ConfigureAwait(false);
        var pruned = await store.PruneAsync(time.GetUtcNow() - options.Value.Retention, cancellationToken).ConfigureAwait(false);
        ReconciliationLog.Stored(logger, runId, saved.Id, saved.Unexplained, pruned);
        return saved;
    }

    private async Task<StoredTieOut> FailedAsync(string runId, string error, CancellationToken cancellationToken)
    {
        ReconciliationLog.Failed(logger, runId, error);
        return await store.SaveFailureAsync(runId, error, cancellationToken).ConfigureAwait(false);
    }
}

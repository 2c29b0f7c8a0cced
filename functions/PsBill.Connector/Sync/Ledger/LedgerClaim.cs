using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Sync.Ledger;

/// <summary>The outcome of <see cref="SyncLedger.ClaimAsync"/>.</summary>
/// <param name="Decision">What to do.</param>
/// <param name="Entry">The ledger row as now written (the claimed intent, with its ETag), or null when there is none yet.</param>
/// <param name="Previous">The row as it was before the claim (what an earlier attempt recorded), or null.</param>
/// <param name="RetryAfter">For <see cref="ClaimDecision.Wait"/>: how long until the other attempt counts as ended.</param>
public sealed record LedgerClaim(ClaimDecision Decision, LedgerEntry? Entry, LedgerEntry? Previous, TimeSpan RetryAfter = default)
{
    /// <summary>What the earlier attempt recorded.</summary>
    public SyncDetail PreviousDetail => SyncDetail.Parse(Previous?.Detail);
}

using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Settlement;

/// <summary>
/// Where a payment allocation (<c>payment:{paymentId}:{billId}</c>) stands in the ledger. Besides the shared states
/// (<see cref="LedgerState.Intent"/> = a posting is about to happen or its outcome is unknown, <see cref="LedgerState.Done"/>
/// = posted and confirmed, <see cref="LedgerState.Parked"/>), settlement adds the reversal states below.
/// </summary>
public static class SettlementStates
{
    /// <summary>A posted payment was voided or failed in BILL: its reversal is about to happen or its outcome is unknown.</summary>
    public static readonly LedgerState Reversing = new("reversing");

    /// <summary>The posting was reversed in PeopleSoft. Final.</summary>
    public static readonly LedgerState Reversed = new("reversed");

    /// <summary>The payment was voided, canceled or failed before anything was posted: nothing to post or reverse. Final.</summary>
    public static readonly LedgerState Voided = new("voided");
}

using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Sync.Ledger;

/// <summary>The ledger states the sync adds to the foundation's intent / done / parked / failed.</summary>
public static class SyncStates
{
    /// <summary>The BILL object was archived because its source was withdrawn (denied, deleted or inactive);
    /// <see cref="LedgerEntry.RemoteId"/> still names it.</summary>
    public static readonly LedgerState Archived = new("archived");

    /// <summary>The record was never sent and need not be (e.g. a voucher denied before it was sent, an inactive supplier).</summary>
    public static readonly LedgerState Skipped = new("skipped");
}

namespace PsBill.Connector.Sync.Engine;

/// <summary>What the sync wants for one record, decided from the PeopleSoft record before the ledger is consulted.</summary>
public enum SyncAction
{
    /// <summary>BILL should hold this payload: create it, or update the object already there, or nothing when it is unchanged.</summary>
    Send,

    /// <summary>The source was withdrawn: archive the BILL object if there is one.</summary>
    Archive,

    /// <summary>Nothing to send and nothing to undo (e.g. an inactive supplier when archiving is off).</summary>
    Skip,

    /// <summary>The record cannot go until something is fixed: park it with the reason.</summary>
    Park,

    /// <summary>Something it depends on is not ready (its vendor is being created): try again later.</summary>
    Retry,
}

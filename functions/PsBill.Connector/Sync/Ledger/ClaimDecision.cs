namespace PsBill.Connector.Sync.Ledger;

/// <summary>What the ledger says to do with a record, after the claim.</summary>
public enum ClaimDecision
{
    /// <summary>BILL already holds exactly this payload (or the archive): nothing to send.</summary>
    AlreadyThere,

    /// <summary>The intent is written and BILL cannot have the object: create it.</summary>
    Create,

    /// <summary>An earlier attempt may have created it: look it up first, adopt it if found, create it if not.</summary>
    LookupThenCreate,

    /// <summary>BILL has the object (its id is known) and the payload changed: update it.</summary>
    Update,

    /// <summary>BILL has the object: archive it.</summary>
    Archive,

    /// <summary>An earlier attempt may have created it and it must now be archived: look it up first.</summary>
    LookupThenArchive,

    /// <summary>No BILL call is needed: record the park or skip.</summary>
    Record,

    /// <summary>Another attempt may be sending this record right now: try again after <see cref="LedgerClaim.RetryAfter"/>.</summary>
    Wait,
}

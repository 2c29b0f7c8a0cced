namespace PsBill.Connector.Sync.Engine;

/// <summary>How one record's create ended.</summary>
public enum CreateResultKind
{
    /// <summary>BILL created it and answered with its id.</summary>
    Created,

    /// <summary>BILL refused it: parked with BILL's message.</summary>
    Rejected,

    /// <summary>No clear answer: it may exist in BILL; the next attempt looks it up first.</summary>
    Unknown,
}

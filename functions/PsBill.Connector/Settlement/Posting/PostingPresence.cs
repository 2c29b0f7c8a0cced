namespace PsBill.Connector.Settlement.Posting;

/// <summary>What the far side shows for a posting: how an unknown outcome is resolved and a posting confirmed.</summary>
public enum PostingPresence
{
    /// <summary>The posting is there and in force, with the same amount.</summary>
    InForce,

    /// <summary>There is no posting in force with this reference.</summary>
    Absent,

    /// <summary>A posting with this reference is in force, but for another amount: an operator must look.</summary>
    Different,

    /// <summary>The mode cannot look postings up (journals): only the ledger knows.</summary>
    Unknown,
}

namespace PsBill.Connector.Sync.Adoption;

/// <summary>How sure a match is.</summary>
public enum MatchKind
{
    /// <summary>Nothing in BILL is this record: create it.</summary>
    None,

    /// <summary>One existing object is this record: adopt it.</summary>
    Sure,

    /// <summary>Something may be: park it for an operator.</summary>
    Possible,
}

namespace PsBill.Connector.Sync.Engine;

/// <summary>See <see cref="ExistingMatch"/>.</summary>
public enum ExistingMatchKind
{
    /// <summary>Create.</summary>
    None,

    /// <summary>Adopt the existing object.</summary>
    Adopt,

    /// <summary>Park for an operator.</summary>
    Park,
}

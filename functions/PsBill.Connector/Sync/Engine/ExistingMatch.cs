using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>What BILL already holds for a record about to be created for the first time (keyed in by hand before PsBill).</summary>
/// <param name="Kind">Nothing (create it), a sure match (adopt it), or something that needs an operator (park it).</param>
/// <param name="RemoteId">The BILL id to adopt.</param>
/// <param name="Reason">Why: what matched, or the park reason naming the record and what BILL holds.</param>
/// <param name="Cause">The park cause.</param>
/// <param name="Candidates">For an unsure vendor: the candidates with their scores.</param>
public sealed record ExistingMatch(ExistingMatchKind Kind, string? RemoteId = null, string? Reason = null, ParkCause? Cause = null,
    IReadOnlyList<Adoption.VendorCandidate>? Candidates = null)
{
    /// <summary>Nothing in BILL: create it.</summary>
    public static readonly ExistingMatch None = new(ExistingMatchKind.None);

    /// <summary>This BILL object is the record's: adopt it.</summary>
    public static ExistingMatch Adopt(string remoteId, string reason) => new(ExistingMatchKind.Adopt, remoteId, reason);

    /// <summary>Park the record for an operator.</summary>
    public static ExistingMatch Park(string reason, ParkCause cause, IReadOnlyList<Adoption.VendorCandidate>? candidates = null) =>
        new(ExistingMatchKind.Park, null, reason, cause, candidates);
}

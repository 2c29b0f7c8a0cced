namespace PsBill.Connector.Sync.Adoption;

/// <summary>What the vendor matching found: one sure match, possible ones for an operator, or none.</summary>
/// <param name="Kind">Which.</param>
/// <param name="Candidates">The sure match alone, or the possible ones best first; empty for none.</param>
public sealed record VendorVerdict(MatchKind Kind, IReadOnlyList<VendorCandidate> Candidates)
{
    /// <summary>No existing vendor is this supplier's.</summary>
    public static readonly VendorVerdict None = new(MatchKind.None, []);

    /// <summary>This vendor is the supplier's.</summary>
    public static VendorVerdict Sure(VendorCandidate candidate) => new(MatchKind.Sure, [candidate]);

    /// <summary>One of these may be; an operator decides.</summary>
    public static VendorVerdict Possible(IReadOnlyList<VendorCandidate> candidates) => new(MatchKind.Possible, candidates);
}

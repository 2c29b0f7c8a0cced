namespace PsBill.Connector.Sync.Adoption;

/// <summary>An existing BILL vendor that may be a supplier's, with its score and why.</summary>
/// <param name="VendorId">The BILL vendor id.</param>
/// <param name="Name">Its name in BILL.</param>
/// <param name="Score">0 to 100.</param>
/// <param name="Reasons">What agreed and what did not, in plain words (never a tax id or bank number).</param>
public sealed record VendorCandidate(string VendorId, string Name, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>One line for an operator: <c>009... 'Name' score 85 (same name; same email)</c>.</summary>
    public override string ToString() => $"{VendorId} '{Name}' score {Score} ({string.Join("; ", Reasons)})";
}

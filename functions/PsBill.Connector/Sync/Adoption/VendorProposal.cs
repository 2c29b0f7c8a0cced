namespace PsBill.Connector.Sync.Adoption;

/// <summary>A supplier whose BILL vendor is unsure, and what an operator decided about it (the ops page and
/// <c>psbill vendors</c> show these).</summary>
/// <param name="SupplierKey">The supplier's ledger key.</param>
/// <param name="SupplierName">Its name in PeopleSoft.</param>
/// <param name="Status">Pending, confirmed or rejected.</param>
/// <param name="VendorId">The BILL vendor an operator confirmed (or a sure match recorded by <c>vendors match --apply</c>).</param>
/// <param name="Candidates">The candidates with their scores, best first, as last found.</param>
/// <param name="UpdatedAt">When it was last written.</param>
public sealed record VendorProposal(
    string SupplierKey, string SupplierName, ProposalStatus Status, string? VendorId, IReadOnlyList<VendorCandidate> Candidates, DateTimeOffset UpdatedAt);

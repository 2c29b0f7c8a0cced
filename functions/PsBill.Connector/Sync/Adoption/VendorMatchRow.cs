namespace PsBill.Connector.Sync.Adoption;

/// <summary>One supplier in <c>psbill vendors match</c>: what the next sync would do with its vendor.</summary>
/// <param name="SupplierKey">The supplier's ledger key.</param>
/// <param name="SupplierName">Its PeopleSoft name.</param>
/// <param name="Proposal">adopt (a sure match or a confirmed one), possible (an operator decides), create (nothing matches, or rejected).</param>
/// <param name="VendorId">The vendor it would adopt.</param>
/// <param name="Decision">The operator's decision so far, if any.</param>
/// <param name="Candidates">The candidates with their scores.</param>
public sealed record VendorMatchRow(string SupplierKey, string SupplierName, string Proposal, string? VendorId, ProposalStatus? Decision, IReadOnlyList<VendorCandidate> Candidates);

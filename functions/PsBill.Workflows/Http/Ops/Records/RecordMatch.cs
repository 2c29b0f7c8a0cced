namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>A record a search found: enough to choose it from a list.</summary>
/// <param name="Key">The ledger key.</param>
/// <param name="Kind">voucher, supplier or payment.</param>
/// <param name="MatchedOn">What matched: key, voucher id, invoice number, BILL bill id, BILL payment id, supplier id, supplier name, BILL vendor id.</param>
/// <param name="State">Where it stands in the ledger.</param>
/// <param name="RemoteId">The id on the far side (BILL bill or vendor id, PeopleSoft payment reference).</param>
public sealed record RecordMatch(string Key, string Kind, string MatchedOn, string? State, string? RemoteId);

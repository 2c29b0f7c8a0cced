namespace PsBill.Connector.Sync.Snapshots;

/// <summary>The normalized PeopleSoft record behind a ledger key, as last read: what a work item or a replay sends.</summary>
/// <param name="Key">The ledger key.</param>
/// <param name="Json">The record as JSON (a <c>PeopleSoftSupplier</c> or <c>PeopleSoftVoucher</c>).</param>
/// <param name="Withdrawn">True when the record no longer qualifies in PeopleSoft (a voucher denied or deleted after it was sent).</param>
/// <param name="ReadContext">The W3C trace context of the span that read the record, so the work on it joins the same trace.</param>
public sealed record SourceSnapshot(string Key, string Json, bool Withdrawn = false, string? ReadContext = null);

namespace PsBill.Connector.Sync.Preview;

/// <summary>One record of a preview (the ops page and <c>psbill sync --dry-run</c> show these).</summary>
/// <param name="Key">The ledger key (<c>supplier:SHARE:1001</c>, <c>voucher:US001:00012345</c>).</param>
/// <param name="Action">What the cycle would do.</param>
/// <param name="BillId">The BILL object concerned (adopted, updated, archived), when there is one.</param>
/// <param name="Detail">The reason (park, skip) or what matched, in plain words.</param>
public sealed record PreviewRow(string Key, PreviewAction Action, string? BillId, string Detail);

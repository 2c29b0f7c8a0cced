namespace PsBill.Connector.Storage.Ledger;

/// <summary>An intent to write with <see cref="LedgerStore.TryInsertIntentsAsync"/>.</summary>
/// <param name="Key">The record key (<c>voucher:US001:00012345</c>).</param>
/// <param name="PayloadHash">The hash of what is about to be sent.</param>
/// <param name="RunId">The run that sends it.</param>
/// <param name="Detail">What the create sends (to find it again), as JSON.</param>
public sealed record LedgerIntent(string Key, string? PayloadHash, string? RunId, string? Detail);

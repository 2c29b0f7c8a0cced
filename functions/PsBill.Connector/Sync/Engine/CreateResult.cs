using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>
/// What one record's bulk create came to, to be written to the ledger and the audit trail: done with BILL's id, refused
/// (parked), or ended without a clear answer (the intent stays, marked so the next attempt looks it up). Serializable, so a
/// flow can carry it from the activity that called BILL to the one that records it.
/// </summary>
/// <param name="Key">The source key.</param>
/// <param name="Noun">vendor or bill.</param>
/// <param name="Kind">How the create ended.</param>
/// <param name="Claimed">The ledger row as the claim left it (its ETag in <paramref name="ClaimedETag"/>).</param>
/// <param name="ClaimedETag">The row's ETag when claimed.</param>
/// <param name="RemoteId">BILL's id, when created.</param>
/// <param name="Hash">The payload hash sent.</param>
/// <param name="Detail">The plan's ledger detail (SyncDetail JSON).</param>
/// <param name="Reason">Why it was refused, or why the outcome is unknown.</param>
/// <param name="RunId">The run.</param>
public sealed record CreateResult(
    string Key, string Noun, CreateResultKind Kind, LedgerEntry Claimed, string ClaimedETag,
    string? RemoteId, string? Hash, string? Detail, string? Reason, string? RunId);

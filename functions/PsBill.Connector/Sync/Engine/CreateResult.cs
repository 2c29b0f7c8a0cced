namespace PsBill.Connector.Sync.Engine;

/// <summary>
/// What one record's bulk create came to, to be written to the ledger and the audit trail: done with BILL's id, refused
/// (parked), or ended without a clear answer (the intent stays, marked so the next attempt looks it up). Serializable, so a
/// flow can carry it from the activity that called BILL to the one that records it.
/// </summary>
/// <remarks>Kept small on purpose: a bulk create answers for 100 records, and the flow's history holds every answer of a lane.
/// Carrying the whole claimed ledger row made a result about 750 bytes (75 KB an item: over the Azure Storage provider's
/// message limit, so every answer went to a blob that each replay of the lane read again); the claim's ETag, time, attempts
/// and run are what the writer needs of it.</remarks>
/// <param name="Key">The source key.</param>
/// <param name="Noun">vendor or bill.</param>
/// <param name="Kind">How the create ended.</param>
/// <param name="Claim">The intent row as the claim left it.</param>
/// <param name="RemoteId">BILL's id, when created.</param>
/// <param name="Hash">The payload hash sent.</param>
/// <param name="Detail">The plan's ledger detail (SyncDetail JSON).</param>
/// <param name="Reason">Why it was refused, or why the outcome is unknown.</param>
/// <param name="RunId">The run.</param>
public sealed record CreateResult(
    string Key, string Noun, CreateResultKind Kind, ClaimedIntent Claim,
    string? RemoteId, string? Hash, string? Detail, string? Reason, string? RunId);

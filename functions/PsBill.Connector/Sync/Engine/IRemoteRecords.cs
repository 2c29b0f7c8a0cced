using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>The BILL side of one record type for <see cref="SyncEngine"/>: bulk create, look up, update, archive.</summary>
/// <typeparam name="TPayload">The BILL model (<c>Vendor</c>, <c>VendorBill</c>).</typeparam>
public interface IRemoteRecords<TPayload> : IExistingRecordFinder<TPayload> where TPayload : class
{
    /// <summary>The record's name in audit steps and messages (<c>vendor</c>, <c>bill</c>).</summary>
    string Noun { get; }

    /// <summary>Creates the payloads with bulk calls, split on rejection; one result per payload, in order.</summary>
    Task<IReadOnlyList<BulkItemResult<TPayload>>> CreateAsync(IReadOnlyList<TPayload> payloads, CancellationToken cancellationToken = default);

    /// <summary>The BILL id of a created record.</summary>
    string? IdOf(TPayload created);

    /// <summary>Looks up the object an earlier attempt may have created, from what that attempt recorded; null when BILL has none.</summary>
    Task<RemoteRef?> FindAsync(SyncDetail recorded, CancellationToken cancellationToken = default);

    /// <summary>Makes the existing object hold <paramref name="payload"/> (restoring it if archived), or says why it cannot.</summary>
    Task<RemoteChange> UpdateAsync(string remoteId, TPayload payload, CancellationToken cancellationToken = default);

    /// <summary>Archives the existing object, or says why it cannot.</summary>
    Task<RemoteChange> ArchiveAsync(string remoteId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A finder for the records of one batch before their first create: what the plans share is read once here (a vendor's
    /// operator decisions: one query for the batch instead of a read per supplier). Reads only.
    /// </summary>
    Task<IExistingRecordFinder<TPayload>> FinderForAsync(IReadOnlyList<SyncPlan<TPayload>> plans, CancellationToken cancellationToken = default);

    /// <summary>Takes the existing object found by <see cref="FindExistingAsync"/> as the record's (link it, mark it), or says why it cannot.</summary>
    Task<RemoteChange> AdoptAsync(SyncPlan<TPayload> plan, string remoteId, CancellationToken cancellationToken = default);

    /// <summary>Keeps an unsure match for an operator (the candidates), before the record is parked.</summary>
    Task RecordUnsureAsync(SyncPlan<TPayload> plan, ExistingMatch match, CancellationToken cancellationToken = default);

    /// <summary>The payload to update an adopted object with (e.g. without the name, so a vendor is not renamed).</summary>
    TPayload ForAdopted(TPayload payload);
}

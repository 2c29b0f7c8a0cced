using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>The BILL side of one record type for <see cref="SyncEngine"/>: bulk create, look up, update, archive.</summary>
/// <typeparam name="TPayload">The BILL model (<c>Vendor</c>, <c>VendorBill</c>).</typeparam>
public interface IRemoteRecords<TPayload> where TPayload : class
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
}

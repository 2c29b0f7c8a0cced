using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>BILL vendors for <see cref="SyncEngine"/>: bulk create (20 per call), look up by the recorded name and the
/// <c>shortName</c> marker, update (restoring an archived one), archive.</summary>
public sealed class VendorRecords(BillClient client, BulkSplitter splitter) : IRemoteRecords<Vendor>
{
    /// <inheritdoc />
    public string Noun => "vendor";

    /// <inheritdoc />
    public Task<IReadOnlyList<BulkItemResult<Vendor>>> CreateAsync(IReadOnlyList<Vendor> payloads, CancellationToken cancellationToken = default) =>
        splitter.CreateVendorsAsync(payloads, cancellationToken);

    /// <inheritdoc />
    public string? IdOf(Vendor created) => created.Id;

    /// <inheritdoc />
    public async Task<RemoteRef?> FindAsync(SyncDetail recorded, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(recorded.Name) || recorded.Marker is null) return null;
        RemoteRef? archived = null;
        await foreach (var vendor in client.FindVendorsByNameAsync(recorded.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Same name is not enough: another supplier (or a person in BILL) may use it. Ours carry the marker.
            if (vendor.Id is null || !string.Equals(vendor.ShortName, recorded.Marker, StringComparison.Ordinal)) continue;
            if (vendor.Archived != true) return new RemoteRef(vendor.Id, false);
            archived ??= new RemoteRef(vendor.Id, true);
        }
        return archived;
    }

    /// <inheritdoc />
    public async Task<RemoteChange> UpdateAsync(string remoteId, Vendor payload, CancellationToken cancellationToken = default)
    {
        var current = await client.GetVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        if (current.Archived == true) await client.RestoreVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        await client.UpdateVendorAsync(remoteId, payload, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }

    /// <inheritdoc />
    public async Task<RemoteChange> ArchiveAsync(string remoteId, CancellationToken cancellationToken = default)
    {
        await client.ArchiveVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PsBill.Connector.Storage.Leases;

/// <summary>A lease this process holds. Renew it before <see cref="Duration"/> runs out; dispose to release it.
/// The blob can hold a small state text (a timer's last run) that only the holder may write.</summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly BlobClient _blob;
    private readonly BlobLeaseClient _lease;
    private bool _released;

    internal HeldLease(BlobClient blob, BlobLeaseClient lease, TimeSpan duration)
    {
        _blob = blob;
        _lease = lease;
        Duration = duration;
    }

    /// <summary>How long the lease lasts without renewal.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The lease id (for conditions on the blob).</summary>
    public string LeaseId => _lease.LeaseId;

    /// <summary>Extends the lease by <see cref="Duration"/>.</summary>
    /// <exception cref="RequestFailedException">The lease was lost (it expired and someone else took it).</exception>
    public async Task RenewAsync(CancellationToken cancellationToken = default) =>
        await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the text kept in the lease blob ("" when none).</summary>
    public async Task<string> ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var content = await _blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToString();
    }

    /// <summary>Writes the text kept in the lease blob (only the holder can).</summary>
    public async Task WriteStateAsync(string state, CancellationToken cancellationToken = default) =>
        await _blob.UploadAsync(BinaryData.FromString(state),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = _lease.LeaseId } }, cancellationToken).ConfigureAwait(false);

    /// <summary>Releases the lease so another holder can take it at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_released) return;
        _released = true;
        try
        {
            await _lease.ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Lost already (expired and taken): nothing to release.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await ReleaseAsync().ConfigureAwait(false);
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PsBill.Connector.Storage.Leases;

/// <summary>
/// Named locks across every process on the storage account, as blob leases in the lease container: a timer tick's
/// singleton, a slot of the BILL gate. A lease that is not renewed expires by itself (15 to 60 seconds), so a
/// crashed holder never blocks the others for long.
/// </summary>
public sealed class BlobLeases(PsBillStorage storage)
{
    /// <summary>The shortest lease Azure Storage grants.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(15);

    /// <summary>The longest finite lease Azure Storage grants.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Takes the lease on <paramref name="name"/> (a blob path such as <c>timers/PollVouchers</c>, created empty if
    /// missing), or returns null at once when another holder has it.
    /// </summary>
    /// <param name="name">The lock's name (a blob path).</param>
    /// <param name="duration">15 to 60 seconds; renew before it runs out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<HeldLease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (duration < MinDuration || duration > MaxDuration)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds.");

        var blob = storage.LeaseContainer.GetBlobClient(name);
        await EnsureExistsAsync(blob, cancellationToken).ConfigureAwait(false);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new HeldLease(blob, lease, duration);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null; // LeaseAlreadyPresent: someone else holds it.
        }
    }

    /// <summary>Reads the state text kept in a lease blob without taking the lease; null when the blob does not exist.</summary>
    public async Task<string?> ReadStateAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await storage.LeaseContainer.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static async Task EnsureExistsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Already there (possibly leased right now): fine.
        }
    }
}

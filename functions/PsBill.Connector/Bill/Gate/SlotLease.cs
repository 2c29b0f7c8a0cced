using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Bill.Gate;

/// <summary>A held lease on one slot blob: renewed on a timer until released. <see cref="Lost"/> turns true when a
/// renewal fails (the slot may be someone else's now), so the lease is never handed on after that.</summary>
internal sealed class SlotLease
{
    private readonly BlobLeaseClient _lease;
    private readonly string _name;
    private readonly ILogger _logger;
    private readonly ITimer _renewal;
    private int _released;

    public SlotLease(BlobLeaseClient lease, string name, TimeProvider clock, TimeSpan renewEvery, ILogger logger)
    {
        _lease = lease;
        _name = name;
        _logger = logger;
        _renewal = clock.CreateTimer(_ => _ = RenewAsync(), null, renewEvery, renewEvery);
    }

    /// <summary>Calls made on this lease so far (touched by one holder at a time).</summary>
    public int Uses { get; set; }

    public bool Lost { get; private set; }

    public async ValueTask ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        await _renewal.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            BillLog.LeaseReleaseFailed(_logger, _name, ex);
        }
    }

    private async Task RenewAsync()
    {
        if (Volatile.Read(ref _released) != 0) return;
        try
        {
            await _lease.RenewAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Lost = true;
            BillLog.LeaseRenewalFailed(_logger, _name, ex);
        }
    }
}

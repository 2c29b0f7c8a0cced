using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using PsBill.Connector.Bill.Resilience;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// The cross-process gate: one lease blob per slot (<c>{organizationId}/slot-{n}</c> in the gate container). A call
/// holds the lease of one slot while it runs, so at most <see cref="BillGateOptions.SlotCount"/> calls per organization
/// are in flight across every process sharing the storage account. A held lease is renewed every
/// <see cref="BillGateOptions.RenewInterval"/>; a crashed holder's slot frees itself when its lease expires.
/// <para>Three things keep storage traffic low when many calls queue: an in-process semaphore of the same size stands in
/// front, so a process never asks for more slots than exist; only one caller per process at a time polls storage for a
/// free slot, the others wait locally; and a finished call hands its lease straight to a call waiting in the same
/// process, up to <see cref="BillGateOptions.MaxConsecutiveUses"/> times, before giving it back so other processes get
/// their turn.</para>
/// </summary>
public sealed class BlobLeaseBillCallGate : IBillCallGate, IDisposable
{
    private readonly BlobContainerClient _container;
    private readonly ISecretStore _secrets;
    private readonly BillGateOptions _options;
    private readonly TimeProvider _renewalClock;
    private readonly ILogger<BlobLeaseBillCallGate> _logger;
    private readonly SemaphoreSlim _local;
    private readonly SemaphoreSlim _pollLock = new(1, 1);
    private readonly SemaphoreSlim _setupLock = new(1, 1);
    /// <summary>How long a handed-back lease may wait for a caller of this process before it goes back to storage.</summary>
    private static readonly TimeSpan WarmGrace = TimeSpan.FromMilliseconds(100);
    private readonly List<SlotLease> _warm = [];
    private readonly ResiliencePipeline<SlotLease?> _waitForSlot;
    private BlobClient[]? _slots;
    private int _queued;

    /// <param name="container">The container for the slot blobs; created when missing.</param>
    /// <param name="secrets">Gives the BILL organization id that names the slot blobs.</param>
    /// <param name="options">Slot count, lease length and renewal.</param>
    /// <param name="logger">Logs lost renewals and failed releases.</param>
    /// <param name="renewalClock">The clock for renewals and busy waits. Leases expire on the storage service's real
    /// clock, so this stays <see cref="TimeProvider.System"/> unless a test knows better.</param>
    public BlobLeaseBillCallGate(BlobContainerClient container, ISecretStore secrets, IOptions<BillGateOptions> options,
        ILogger<BlobLeaseBillCallGate> logger, TimeProvider? renewalClock = null)
    {
        _container = container;
        _secrets = secrets;
        _options = options.Value;
        _logger = logger;
        _renewalClock = renewalClock ?? TimeProvider.System;
        _local = new SemaphoreSlim(_options.SlotCount, _options.SlotCount);
        _waitForSlot = BillResiliencePipelines.GateWait<SlotLease>(_options, _renewalClock);
    }

    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queued);
        try
        {
            await _local.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }

        try
        {
            return new SlotUse(this, await TakeWarm().ConfigureAwait(false) ?? await PollAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            _local.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _local.Dispose();
        _pollLock.Dispose();
        _setupLock.Dispose();
    }

    /// <summary>One caller of this process at a time looks for a free slot in storage; the others wait here (or get a warm lease).</summary>
    private async Task<SlotLease> PollAsync(CancellationToken cancellationToken)
    {
        await _pollLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await TakeWarm().ConfigureAwait(false) is { } warm) return warm;
            var slots = _slots ?? await SetUpSlotsAsync(cancellationToken).ConfigureAwait(false);
            var lease = await _waitForSlot.ExecuteAsync(
                static async (state, ct) => await state.gate.TryLeaseAnyAsync(state.slots, ct).ConfigureAwait(false),
                (gate: this, slots), cancellationToken).ConfigureAwait(false);
            return lease!;
        }
        finally
        {
            _pollLock.Release();
        }
    }

    /// <summary>A lease another call of this process just finished with, if any; never one that lost its renewal.</summary>
    private async ValueTask<SlotLease?> TakeWarm()
    {
        while (true)
        {
            SlotLease? lease;
            lock (_warm)
            {
                lease = _warm.Count > 0 ? _warm[^1] : null;
                if (lease is not null) _warm.RemoveAt(_warm.Count - 1);
            }

            if (lease is null || !lease.Lost) return lease;
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>After a call: hand the lease to a call of this process queued for a permit, or give it back to storage.</summary>
    private async ValueTask ReturnAsync(SlotLease lease)
    {
        lease.Uses++;
        if (!lease.Lost && lease.Uses < _options.MaxConsecutiveUses && Volatile.Read(ref _queued) > 0)
        {
            lock (_warm) _warm.Add(lease);
            _local.Release(); // wakes a queued call, which takes the warm lease first
            _ = ReleaseIfUnclaimedAsync(lease); // if that call gave up meanwhile, do not sit on the slot
            return;
        }

        await lease.ReleaseAsync().ConfigureAwait(false);
        _local.Release();
    }

    private async Task ReleaseIfUnclaimedAsync(SlotLease lease)
    {
        await Task.Delay(WarmGrace, _renewalClock).ConfigureAwait(false);
        bool unclaimed;
        lock (_warm) unclaimed = _warm.Remove(lease);
        if (unclaimed) await lease.ReleaseAsync().ConfigureAwait(false);
    }

    /// <summary>Takes a lease handed back in this process, or tries every slot once, starting at a random one so
    /// processes do not all queue on slot 0.</summary>
    private async Task<SlotLease?> TryLeaseAnyAsync(BlobClient[] slots, CancellationToken cancellationToken)
    {
        if (await TakeWarm().ConfigureAwait(false) is { } warm) return warm; // handed back while this caller polled
        var start = Random.Shared.Next(slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            var blob = slots[(start + i) % slots.Length];
            var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
            try
            {
                await lease.AcquireAsync(_options.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new SlotLease(lease, blob.Name, _renewalClock, _options.RenewInterval, _logger);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Held by another call; try the next slot.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The blob (or container) was deleted under us: set the slots up again for the next attempt.
                _slots = null;
                await SetUpSlotsAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task<BlobClient[]> SetUpSlotsAsync(CancellationToken cancellationToken)
    {
        await _setupLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_slots is { } ready) return ready;
            var organizationId = await _secrets.GetAsync(SecretNames.BillOrganizationId, cancellationToken).ConfigureAwait(false);
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var slots = new BlobClient[_options.SlotCount];
            for (var n = 0; n < slots.Length; n++)
            {
                slots[n] = _container.GetBlobClient($"{organizationId}/slot-{n}");
                try
                {
                    await slots[n].UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Already there (possibly leased right now): nothing to do.
                }
            }

            return _slots = slots;
        }
        finally
        {
            _setupLock.Release();
        }
    }

    /// <summary>One call's use of a slot; disposing it twice gives the slot back once.</summary>
    private sealed class SlotUse(BlobLeaseBillCallGate gate, SlotLease lease) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? gate.ReturnAsync(lease) : ValueTask.CompletedTask;
    }
}

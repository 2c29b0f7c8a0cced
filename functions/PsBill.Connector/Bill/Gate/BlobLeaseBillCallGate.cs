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
/// <see cref="BillGateOptions.RenewInterval"/> and released after the call; a crashed holder's slot frees itself
/// when its lease expires. An in-process semaphore of the same size stands in front, so a process never asks
/// storage for more slots than exist and its own callers queue locally instead of polling storage.
/// </summary>
public sealed class BlobLeaseBillCallGate : IBillCallGate, IDisposable
{
    private readonly BlobContainerClient _container;
    private readonly ISecretStore _secrets;
    private readonly BillGateOptions _options;
    private readonly TimeProvider _renewalClock;
    private readonly ILogger<BlobLeaseBillCallGate> _logger;
    private readonly SemaphoreSlim _local;
    private readonly SemaphoreSlim _setupLock = new(1, 1);
    private readonly ResiliencePipeline<LeasedSlot?> _waitForSlot;
    private BlobClient[]? _slots;

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
        _waitForSlot = BillResiliencePipelines.GateWait<LeasedSlot>(_options, _renewalClock);
    }

    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _local.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var slots = _slots ?? await SetUpSlotsAsync(cancellationToken).ConfigureAwait(false);
            var slot = await _waitForSlot.ExecuteAsync(
                static async (state, ct) => await state.gate.TryLeaseAnyAsync(state.slots, ct).ConfigureAwait(false),
                (gate: this, slots), cancellationToken).ConfigureAwait(false);
            return slot!;
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
        _setupLock.Dispose();
    }

    /// <summary>Tries every slot once, starting at a random one so processes do not all queue on slot 0.</summary>
    private async Task<LeasedSlot?> TryLeaseAnyAsync(BlobClient[] slots, CancellationToken cancellationToken)
    {
        var start = Random.Shared.Next(slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            var blob = slots[(start + i) % slots.Length];
            var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
            try
            {
                await lease.AcquireAsync(_options.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new LeasedSlot(this, lease, blob.Name);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Held by another call; try the next slot.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The blob (or container) was deleted under us: set the slots up again on the next attempt.
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

    /// <summary>A held slot: renews its lease until disposed, then releases it and the local permit.</summary>
    private sealed class LeasedSlot : IAsyncDisposable
    {
        private readonly BlobLeaseBillCallGate _gate;
        private readonly BlobLeaseClient _lease;
        private readonly string _name;
        private readonly ITimer _renewal;
        private int _disposed;

        public LeasedSlot(BlobLeaseBillCallGate gate, BlobLeaseClient lease, string name)
        {
            _gate = gate;
            _lease = lease;
            _name = name;
            var every = gate._options.RenewInterval;
            _renewal = gate._renewalClock.CreateTimer(_ => _ = RenewAsync(), null, every, every);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            await _renewal.DisposeAsync().ConfigureAwait(false);
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException ex)
            {
                BillLog.LeaseReleaseFailed(_gate._logger, _name, ex);
            }
            finally
            {
                _gate._local.Release();
            }
        }

        private async Task RenewAsync()
        {
            if (Volatile.Read(ref _disposed) != 0) return;
            try
            {
                await _lease.RenewAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException ex)
            {
                BillLog.LeaseRenewalFailed(_gate._logger, _name, ex);
            }
        }
    }
}

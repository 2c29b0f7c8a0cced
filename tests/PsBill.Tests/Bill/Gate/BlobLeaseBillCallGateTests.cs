using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Credentials;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Bill.Gate;

/// <summary>The cross-process gate on Azurite: lease blobs keep BILL's concurrency at three across hosts.</summary>
public sealed class BlobLeaseBillCallGateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private BlobContainerClient NewContainer() => new(azurite.ConnectionString, AzuriteFixture.UniquePrefix() + "-leases");

    [Fact]
    public async Task CreateVendorAsync_200AtOnceFromThreeHosts_NeverMoreThanThreeInFlightAndNoBdc1322()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions
        {
            Latency = TimeSpan.FromMilliseconds(3),
            LatencyJitter = TimeSpan.FromMilliseconds(4),
        });
        var container = NewContainer();
        var hosts = Enumerable.Range(0, 3).Select(_ => BillTestHost.Create(simulator, leaseContainer: container)).ToList();
        try
        {
            var creates = Enumerable.Range(0, 200)
                .Select(i => hosts[i % hosts.Count].Client.CreateVendorAsync(BillSamples.Vendor($"Supplier {i:D3}")));
            await Task.WhenAll(creates);

            var figures = simulator.GetFigures();
            Assert.Equal(200, figures.Vendors);
            Assert.Equal(0, figures.DuplicateVendors);
            Assert.InRange(figures.MaxConcurrentCalls, 1, 3);
            Assert.Equal(0, figures.Rejected.TooManyConcurrent);
            Assert.Equal(3, figures.Logins);
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreateVendorAsync_ThreeHostsWithOnlyInProcessGates_GoPastThreeInFlight()
    {
        // The control for the test above: without the shared leases, three hosts of three slots each overload BILL.
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { Latency = TimeSpan.FromMilliseconds(20) });
        var hosts = Enumerable.Range(0, 3).Select(_ => BillTestHost.Create(simulator)).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(h => h.Client.GetSessionDetailsAsync()));
            await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
            {
                try
                {
                    await hosts[i % hosts.Count].Client.CreateVendorAsync(BillSamples.Vendor($"S{i}"));
                }
                catch (BillApiException ex) when (ex.Kind == BillFailureKind.RateLimited)
                {
                    // Expected here: BILL turned the overload away even after the backoffs.
                }
            }));

            var figures = simulator.GetFigures();
            Assert.True(figures.MaxConcurrentCalls > 3, $"max concurrent {figures.MaxConcurrentCalls}");
            Assert.True(figures.Rejected.TooManyConcurrent > 0);
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task EnterAsync_AllSlotsHeldByAnotherProcess_WaitsUntilOneIsReleased()
    {
        var container = NewContainer();
        using var first = NewGate(container);
        using var second = NewGate(container);
        var held = new List<IAsyncDisposable>();
        for (var i = 0; i < 3; i++) held.Add(await first.EnterAsync());

        var waiting = second.EnterAsync().AsTask();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held[1].DisposeAsync();
        await using var slot = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await held[0].DisposeAsync();
        await held[2].DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_MoreCallersThanSlotsInOneProcess_NeverHoldsMoreThanTheSlotCount()
    {
        var container = NewContainer();
        using var gate = NewGate(container, slots: 2);
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var slot = await gate.EnterAsync();
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(150);
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(2, most);
        var blobs = await container.GetBlobsAsync().ToListAsync();
        Assert.Equal(2, blobs.Count); // one blob per slot, nothing more
    }

    [Fact]
    public async Task EnterAsync_AfterABurstInOneProcess_EverySlotIsFreeForAnotherProcessWellBeforeLeasesExpire()
    {
        var container = NewContainer();
        using var busy = NewGate(container);
        using var other = NewGate(container);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            await using var slot = await busy.EnterAsync();
            await Task.Delay(5);
        }));

        // Leases last 15 s; handed-over leases left idle must go back long before that.
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var all = new List<IAsyncDisposable>();
        for (var i = 0; i < 3; i++) all.Add(await other.EnterAsync(soon.Token));
        foreach (var slot in all) await slot.DisposeAsync();
    }

    [Fact]
    public async Task HeldSlot_LeaseBrokenFromOutside_RenewalReportsItLost()
    {
        var container = NewContainer();
        var clock = new FakeTimeProvider();
        var logger = new FakeLogger<BlobLeaseBillCallGate>();
        using var gate = new BlobLeaseBillCallGate(
            container,
            new InMemorySecretStore(new Dictionary<string, string> { [SecretNames.BillOrganizationId] = "00801TEST" }),
            Options.Create(new BillGateOptions { SlotCount = 1 }),
            logger,
            clock);
        await using var slot = await gate.EnterAsync();

        clock.Advance(TimeSpan.FromSeconds(5)); // a renewal while the lease is ours: no complaint
        await Task.Delay(200);
        Assert.Empty(logger.Collector.GetSnapshot());
        await container.GetBlobClient("00801TEST/slot-0").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(5));

        await Eventually.TrueAsync(() => logger.Collector.GetSnapshot().Any(r => r.Id.Id == 3005));
    }

    private static BlobLeaseBillCallGate NewGate(BlobContainerClient container, int slots = 3) => new(
        container,
        new InMemorySecretStore(new Dictionary<string, string> { [SecretNames.BillOrganizationId] = "00801TEST" }),
        Options.Create(new BillGateOptions { SlotCount = slots, BusyRetryDelay = TimeSpan.FromMilliseconds(5) }),
        NullLogger<BlobLeaseBillCallGate>.Instance);

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}

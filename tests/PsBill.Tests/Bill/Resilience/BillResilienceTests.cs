using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Bill;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Bill.Resilience;

/// <summary>The pipelines against the simulator's faults: backoff on BDC_1322 and 5xx, the hour wait on BDC_1144, and
/// creates whose outcome is unknown surfacing instead of being retried.</summary>
public sealed class BillResilienceTests
{
    [Fact]
    public async Task Call_RateLimitedTwice_BacksOffAndSucceeds()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        await host.Client.GetSessionDetailsAsync();

        simulator.Faults.RejectNextCallsAsRateLimited(2);
        var vendor = await host.Client.CreateVendorAsync(BillSamples.Vendor("Acme"));

        Assert.NotNull(vendor.Id);
        Assert.Equal(2, simulator.GetFigures().Rejected.TooManyConcurrent);
        Assert.Equal(1, simulator.GetFigures().Vendors);
    }

    [Fact]
    public async Task Call_RateLimitedBeyondRetries_ThrowsRateLimited()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator, configure: o => o.RateLimitMaxRetries = 2);
        await host.Client.GetSessionDetailsAsync();

        simulator.Faults.RejectNextCallsAsRateLimited(10);
        var ex = await Assert.ThrowsAsync<BillApiException>(() => host.Client.GetSessionDetailsAsync());

        Assert.Equal(BillErrorCode.TooManyConcurrentRequests, ex.Code);
        Assert.Equal(BillFailureKind.RateLimited, ex.Kind);
        Assert.Equal(3, simulator.GetFigures().Rejected.TooManyConcurrent);
    }

    [Fact]
    public async Task Read_ServerErrorsTwice_RetriesAndSucceeds()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        var vendorId = simulator.AddVendor("Acme");
        await host.Client.GetSessionDetailsAsync();

        simulator.Faults.FailNextCalls(2);
        var vendor = await host.Client.GetVendorAsync(vendorId);

        Assert.Equal("Acme", vendor.Name);
        Assert.Equal(2, simulator.GetFigures().Rejected.ServerErrors);
    }

    [Fact]
    public async Task Create_ServerError_SurfacesOutcomeUnknownWithoutRetry()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        await host.Client.GetSessionDetailsAsync();
        var callsBefore = simulator.GetFigures().Calls;

        simulator.Faults.FailNextCalls(1);
        var ex = await Assert.ThrowsAsync<BillApiException>(() => host.Client.CreateVendorAsync(BillSamples.Vendor("Acme")));

        Assert.True(ex.IsOutcomeUnknown);
        Assert.Equal(500, ex.Status);
        Assert.Equal(1, simulator.GetFigures().Calls - callsBefore);
    }

    [Theory]
    [InlineData(CommitThenDropMode.Abort)]
    [InlineData(CommitThenDropMode.ServerError)]
    public async Task CreateBill_CommittedThenAnswerLost_SurfacesOutcomeUnknownAndLookupFindsIt(CommitThenDropMode mode)
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        var samples = new BillSamples(simulator);
        var vendorId = simulator.AddVendor("Acme");
        await host.Client.GetSessionDetailsAsync();
        simulator.Faults.DropMode = mode;

        simulator.Faults.DropNextCreateResponses(1);
        var ex = await Assert.ThrowsAsync<BillApiException>(() => host.Client.CreateBillAsync(samples.Bill(vendorId, "INV-1")));
        var found = await host.Client.FindBillsAsync(vendorId, "INV-1").ToListAsync();

        Assert.True(ex.IsOutcomeUnknown);
        Assert.Equal(mode == CommitThenDropMode.Abort ? 0 : 500, ex.Status);
        Assert.Single(found);
        Assert.Equal(1, simulator.GetFigures().Bills);
        Assert.Equal(0, simulator.GetFigures().DuplicateBills);
    }

    [Fact]
    public async Task Call_HourlyQuotaSpent_WaitsForTheNextHourThenSucceeds()
    {
        var start = new DateTimeOffset(2026, 11, 24, 9, 20, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { TimeProvider = time, HourlyCallQuota = 3 });
        await using var host = BillTestHost.Create(simulator, time);
        var vendorId = simulator.AddVendor("Acme");
        for (var i = 0; i < 3; i++) await host.Client.GetVendorAsync(vendorId);

        var waiting = host.Client.GetVendorAsync(vendorId);
        await Eventually.TrueAsync(() => simulator.GetFigures().Rejected.HourlyQuota == 1);
        time.Advance(TimeSpan.FromMinutes(39)); // 09:59: still the same hour
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        // Move on a minute at a time: the wait may have been scheduled a moment after the rejection was counted.
        for (var minutes = 0; minutes < 120 && !waiting.IsCompleted; minutes++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        var vendor = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Acme", vendor.Name);
        Assert.Equal(1, simulator.GetFigures().Rejected.HourlyQuota); // an early retry would have been refused again
        Assert.True(time.GetUtcNow() >= new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    }
}

using PsBill.Sandbox.Settlement;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Settlement.Support;

namespace PsBill.Tests.Settlement;

/// <summary>The sandbox's payment phase on a small set of bills: PeopleSoft ends up with every cleared allocation once.</summary>
public sealed class PaymentPhaseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RunAsync_MixedPaymentsAndDeliveries_PeopleSoftShowsEachClearedAllocationOnce()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        for (var vendor = 0; vendor < 8; vendor++) await host.SeedBillsAsync(100.00m + vendor, 33.33m, 250.10m);

        var result = await new PaymentPhase(host.Bill, host.PeopleSoft, host.Host, new PaymentPhaseOptions
        {
            Seed = 5, PaidShare = 0.9, PartialShare = 0.2, VoidShare = 0.15, PendingShare = 0.25, LostShare = 0.2, DuplicateShare = 0.2,
            DrainTimeout = TimeSpan.FromSeconds(90),
        }).RunAsync();

        Assert.True(result.MultiBillPayments > 0 && result.PartialPayments > 0 && result.VoidedAllocations > 0 && result.PendingAllocations > 0, result.ToString());
        Assert.True(result.WebhooksLost > 0 && result.WebhooksDuplicated > 0 && result.WebhooksForged > 0, result.ToString());
        Assert.Equal(result.ClearedAllocations, result.PaymentsRecorded);
        Assert.Equal(0, result.DuplicatePayments);
        Assert.Equal(result.VoidedAllocations, result.PaymentReversals);
        Assert.Equal(result.WebhooksForged, result.WebhooksForgedRefused);
        Assert.Equal(0, result.Parked);
        Assert.True(result.Consistent);
    }
}

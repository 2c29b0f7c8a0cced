using PsBill.Workflows.Replay;
using PsBill.Workflows.Starting;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;
using PsBill.Simulators.Bill;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.EndToEnd;

/// <summary>Unknown outcomes, redelivered messages and replays never create a second vendor or bill.</summary>
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(CommitThenDropMode.Abort)]
    [InlineData(CommitThenDropMode.ServerError)]
    public async Task BillBulkCreate_ResponseDroppedAfterCommit_AdoptsTheBillsInsteadOfDuplicating(CommitThenDropMode mode)
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 30);
        await world.InvokeTimerAsync("SyncReferenceData");
        await world.InvokeTimerAsync("PollSuppliers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        world.Bill.Faults.DropMode = mode;
        world.Bill.Faults.DropNextCreateResponses(1); // the bills' bulk create is committed, its answer lost
        await world.InvokeTimerAsync("PollVouchers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var figures = world.Bill.GetFigures();
        Assert.Equal(1, figures.DroppedResponses);
        Assert.Equal(0, figures.DuplicateBills);
        Assert.Equal(world.SendableVouchers().Count, figures.Bills);
        var audit = world.Services.GetRequiredService<AuditTrail>();
        var unknown = 0;
        foreach (var voucher in world.SendableVouchers())
        {
            var trail = await audit.ReadAsync(voucher.Key);
            // Every bill whose create ended without an answer was found in BILL and adopted, not created again.
            if (trail.Any(step => step is { Step: "bill.create", Outcome: "unknown" }))
            {
                unknown++;
                Assert.Contains(trail, step => step.Step == "bill.adopt");
            }
            Assert.Equal(LedgerState.Done, (await world.Ledger().GetAsync(voucher.Key))!.State);
        }
        Assert.True(unknown > 0, "the dropped answer should have left bills with an unknown outcome");
    }

    [Fact]
    public async Task VendorBulkCreate_ResponseDroppedAfterCommit_AdoptsTheVendorsByNameAndMarker()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 10);
        await world.InvokeTimerAsync("SyncReferenceData");
        world.Bill.Faults.DropNextCreateResponses(1);
        await world.InvokeTimerAsync("PollSuppliers");
        await world.InvokeTimerAsync("PollVouchers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var figures = world.Bill.GetFigures();
        Assert.Equal(1, figures.DroppedResponses);
        Assert.Equal(0, figures.DuplicateVendors);
        Assert.Equal(0, figures.DuplicateBills);
        Assert.Equal(world.SendableVouchers().Count, figures.Bills);
    }

    [Fact]
    public async Task PollAndReplay_AtOnceAndReplayedAfterwards_CreateNothingTwice()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 40);
        await world.InvokeTimerAsync("SyncReferenceData");
        await world.InvokeTimerAsync("PollSuppliers");
        var keys = world.PeopleSoft.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).ToList();
        var suppliers = world.PeopleSoft.GetSuppliers().Select(s => s.Key).ToList();

        // PollVouchers and a replay of the same keys at once: two workers on the same records.
        var client = await world.Flows.ClientAsync();
        await world.Services.GetRequiredService<FlowStarter>().StartAsync(client, "PollVouchers");
        var concurrent = await world.ReplayAsync(new ReplayRequest(keys.Concat(suppliers).ToList()));
        Assert.NotNull(concurrent.InstanceId);
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        var afterRedelivery = world.Bill.GetFigures();

        // An operator replays everything afterwards.
        var replay = await world.ReplayAsync(new ReplayRequest(keys.Concat(suppliers).ToList()));
        Assert.NotEmpty(replay.Replayed);
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        var afterReplay = world.Bill.GetFigures();

        Assert.Equal(world.SendableVouchers().Count, afterRedelivery.Bills);
        Assert.Equal(0, afterRedelivery.DuplicateBills);
        Assert.Equal(0, afterRedelivery.DuplicateVendors);
        Assert.Equal(afterRedelivery.Bills, afterReplay.Bills);
        Assert.Equal(afterRedelivery.Vendors, afterReplay.Vendors);
        Assert.Equal(0, afterReplay.DuplicateBills);
    }
}

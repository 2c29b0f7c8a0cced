using System.Diagnostics;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;
using PsBill.Simulators.Bill;
using Xunit.Abstractions;

namespace PsBill.Tests.Crash;

/// <summary>
/// Issue 10: kill -9 of the standalone host (<c>psbill run</c>, a child process) at several points of a 1,500-voucher first
/// load, of the settlement of 150 payments by PollPayments and of 120 that webhooks brought (settlement lanes), started again each time and nothing else: no operator action, no replay.
/// Every approved, mappable voucher must end as exactly one bill and every cleared payment as one PeopleSoft payment,
/// nothing parked or failed because of the crashes, nothing left "intent", and BILL never sees more than 3 calls at once. Each kill costs about a minute: the killed host's messages come back after the storage
/// provider's visibility timeout (1 minute, the shortest it allows).
/// </summary>
[Trait("Category", "Crash")]
public sealed class KillNineTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FlowTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task FirstLoadAndSettlement_KilledInPollSuppliersTwiceMidBillCreationAndInPollPayments_EachRecordOnceWithoutOperatorAction()
    {
        var baseline = CrashBaseline.GetAsync(); // crash-free, same data: runs meanwhile
        await using var world = await CrashWorld.StartAsync();
        var clock = Stopwatch.StartNew();
        var kills = new List<KillFigures>();
        await world.Host.StartAsync(CrashWorld.HostStartTimeout);

        await world.Ops.StartFlowAsync("SyncReferenceData");
        await world.WaitForFlowAsync("SyncReferenceData", FlowTimeout);

        // 1: while PollSuppliers creates vendors (200 suppliers, 20 per bulk call).
        await world.Ops.StartFlowAsync("PollSuppliers");
        await world.WaitUntilAsync(() => world.World.Bill.GetFigures().Vendors >= 60, FlowTimeout, "60 vendors");
        kills.Add(await KillAndRestartAsync(world, () => world.World.Bill.GetFigures().Vendors, "PollSuppliers"));
        await world.WaitForFlowAsync("PollSuppliers", FlowTimeout);

        // 2 and 3: while PollVouchers creates bills (100 per bulk call), early and late.
        await world.Ops.StartFlowAsync("PollVouchers");
        await world.WaitUntilAsync(() => world.World.Bill.GetFigures().Bills >= 300, FlowTimeout, "300 bills");
        kills.Add(await KillAndRestartAsync(world, () => world.World.Bill.GetFigures().Bills, "PollVouchers"));
        await world.WaitUntilAsync(() => world.World.Bill.GetFigures().Bills >= 900, FlowTimeout, "900 bills");
        kills.Add(await KillAndRestartAsync(world, () => world.World.Bill.GetFigures().Bills, "PollVouchers"));
        await world.WaitForFlowAsync("PollVouchers", FlowTimeout);

        // 4: while PollPayments posts 150 cleared BILL payments to PeopleSoft. Each PeopleSoft call takes a while, so the
        // kill lands between a posting and its confirmation (the row is "intent").
        var paid = world.World.Bill.GetBills().Take(150).ToList();
        foreach (var bill in paid) await world.World.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.Id, bill.DueAmount)] });
        world.World.PeopleSoft.Faults.Latency = TimeSpan.FromMilliseconds(200);
        await world.Ops.StartFlowAsync("PollPayments");
        await world.WaitUntilAsync(() => world.World.PeopleSoft.GetFigures().PaymentsRecorded >= 40, FlowTimeout, "40 payments recorded");
        kills.Add(await KillAndRestartAsync(world, () => world.World.PeopleSoft.GetFigures().PaymentsRecorded, "PollPayments"));
        await world.WaitForFlowAsync("PollPayments", FlowTimeout);

        // 5: while settlement lanes settle 120 payments BILL's webhooks brought (a batch of payments per slot hold). BILL
        // retries the notifications the dead host missed; PollPayments, as its timer would, finds any it gave up on.
        await world.SubscribeHostToWebhooksAsync();
        var notified = world.World.Bill.GetBills().Skip(paid.Count).Take(120).ToList();
        var recordedBefore = world.World.PeopleSoft.GetFigures().PaymentsRecorded;
        foreach (var bill in notified) await world.World.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.Id, bill.DueAmount)] });
        await world.WaitUntilAsync(() => world.World.PeopleSoft.GetFigures().PaymentsRecorded >= recordedBefore + 30, FlowTimeout, "30 notified payments recorded");
        kills.Add(await KillAndRestartAsync(world, () => world.World.PeopleSoft.GetFigures().PaymentsRecorded, "PollPayments", "settlement lanes"));
        await world.World.Bill.WaitForWebhooksAsync();
        await world.Ops.StartFlowAsync("PollPayments");
        await world.WaitForFlowAsync("PollPayments", FlowTimeout);
        await world.WaitUntilAsync(() => world.World.PeopleSoft.GetFigures().PaymentsRecorded >= recordedBefore + notified.Count, FlowTimeout, "every notified payment recorded");
        // PeopleSoft counts a payment when it is posted; the ledger row is done once it is confirmed.
        var confirming = Stopwatch.StartNew();
        while (await world.IntentCountAsync() > 0)
        {
            Assert.True(confirming.Elapsed < FlowTimeout, $"ledger rows still intent {FlowTimeout} after the last payment was posted");
            await Task.Delay(200);
        }
        paid.AddRange(notified);
        var elapsed = clock.Elapsed;

        var outcome = await world.OutcomeAsync();
        var reference = await baseline;
        output.WriteLine($"kills {kills.Count}, starts {world.Host.Starts}, run {elapsed.TotalSeconds:0}s; per kill: " +
                         string.Join("; ", kills.Select(k => $"{k.Flow} at {k.Created} created, {k.Intents} rows intent, next progress {k.Recovery.TotalSeconds:0}s after the kill")));
        output.WriteLine($"sendable {outcome.SendableVouchers}, bills {outcome.Bills} (baseline {reference.Bills}), duplicates {outcome.Figures.DuplicateBills}/{outcome.Figures.DuplicateVendors}, " +
                         $"parked {outcome.Parked.Count} (baseline {reference.Parked.Count}), intent {outcome.Intents.Count}, failed {outcome.FailedItems.Count}, max BILL calls in flight {outcome.Figures.MaxConcurrentCalls}");
        var payments = new List<LedgerEntry>();
        await foreach (var row in world.Ledger.QueryByKindAsync(WorkItemKind.Payment.Value)) payments.Add(row);
        var peopleSoft = world.World.PeopleSoft.GetFigures();
        output.WriteLine($"payments {paid.Count}: recorded in PeopleSoft {peopleSoft.PaymentsRecorded}, duplicates {peopleSoft.DuplicatePayments}, " +
                         $"ledger rows {string.Join(", ", payments.GroupBy(r => r.State.Value).Select(g => $"{g.Key} {g.Count()}"))}");

        CrashAssert.SameAsWithoutCrashes(outcome, reference);
        Assert.Equal(paid.Count, peopleSoft.PaymentsRecorded);
        Assert.Equal(0, peopleSoft.DuplicatePayments);
        Assert.Equal(paid.Count, payments.Count(r => r.State == LedgerState.Done));
        Assert.Equal(paid.Count, payments.Count);
        // The kills landed while creates or postings were in flight or unrecorded: the rows a crash leaves "intent" were resolved.
        Assert.All(kills.Where(k => k.Flow != "PollSuppliers"), k => Assert.True(k.Intents > 0, $"the {k.Flow} kill at {k.Created} left no row intent"));
    }

    /// <summary>kill -9, count what the dead host left "intent", start it again at once, and wait until the work moves on
    /// (or <paramref name="flow"/> has completed); <paramref name="label"/> names the kill in the output.</summary>
    private static async Task<KillFigures> KillAndRestartAsync(CrashWorld world, Func<int> progress, string flow, string? label = null)
    {
        await world.Host.KillAsync();
        var killed = Stopwatch.StartNew();
        var before = progress();
        var intents = await world.IntentCountAsync();
        await world.Host.StartAsync(CrashWorld.HostStartTimeout);
        while (progress() == before && await world.Ops.FlowStatusAsync(flow) != "Completed")
        {
            Assert.True(killed.Elapsed < FlowTimeout, $"no progress of {flow} {FlowTimeout} after the kill; see {world.Host.LogPath}:\n{world.Host.Tail()}");
            Assert.True(world.Host.IsRunning, $"psbill run exited ({world.Host.ExitCode}) after a restart; see {world.Host.LogPath}:\n{world.Host.Tail()}");
            await Task.Delay(100);
        }
        return new KillFigures(label ?? flow, before, intents, killed.Elapsed);
    }

    private sealed record KillFigures(string Flow, int Created, int Intents, TimeSpan Recovery);
}

using System.Diagnostics;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;
using PsBill.Simulators.Bill;
using Xunit.Abstractions;

namespace PsBill.Tests.Crash;

/// <summary>
/// Issue 10, settlement: kill -9 of <c>psbill run</c> while PollPayments posts cleared BILL payments to PeopleSoft, started
/// again at once and nothing else. Every payment must be recorded in PeopleSoft exactly once (read from the PeopleSoft
/// simulator's own state), nothing parked, failed or left "intent". A smaller world than the first-load test: the point
/// is the settlement ledger, and the first load runs without kills.
/// </summary>
[Trait("Category", "Crash")]
public sealed class SettlementKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FlowTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task PollPayments_KilledWhilePostingToPeopleSoft_EveryPaymentIsRecordedOnceWithoutOperatorAction()
    {
        await using var world = await CrashWorld.StartAsync(suppliers: 50, vouchers: 300);
        await world.Host.StartAsync(CrashWorld.HostStartTimeout);
        foreach (var flow in CrashRun.Flows)
        {
            await world.Ops.StartFlowAsync(flow);
            await world.WaitForFlowAsync(flow, FlowTimeout);
        }

        // BILL pays 150 of the bills, one payment each, cleared.
        var paid = world.World.Bill.GetBills().Take(150).ToList();
        Assert.Equal(150, paid.Count);
        foreach (var bill in paid) await world.World.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.Id, bill.DueAmount)] });

        // Each PeopleSoft call takes a while, so the kill lands between a posting and its confirmation (the row is "intent").
        world.World.PeopleSoft.Faults.Latency = TimeSpan.FromMilliseconds(200);
        await world.Ops.StartFlowAsync("PollPayments");
        await world.WaitUntilAsync(() => world.World.PeopleSoft.GetFigures().PaymentsRecorded >= 40, FlowTimeout, "40 payments recorded");
        await world.Host.KillAsync();
        var killed = Stopwatch.StartNew();
        var recordedAtKill = world.World.PeopleSoft.GetFigures().PaymentsRecorded;
        var intents = await world.IntentCountAsync();
        await world.Host.StartAsync(CrashWorld.HostStartTimeout);
        await world.WaitForFlowAsync("PollPayments", FlowTimeout);
        var recovered = killed.Elapsed;

        var figures = world.World.PeopleSoft.GetFigures();
        var rows = new List<LedgerEntry>();
        await foreach (var row in world.Ledger.QueryByKindAsync(WorkItemKind.Payment.Value)) rows.Add(row);
        var failed = new List<string>();
        await foreach (var item in world.Failures.ListAsync()) failed.Add($"{item.Key}: {item.Reason}");
        output.WriteLine($"kill at {recordedAtKill} of {paid.Count} payments recorded, {intents} rows intent; PollPayments done {recovered.TotalSeconds:0}s after the kill; " +
                         $"recorded {figures.PaymentsRecorded}, duplicates {figures.DuplicatePayments}, ledger payment rows {rows.Count} ({string.Join(", ", rows.GroupBy(r => r.State.Value).Select(g => $"{g.Key} {g.Count()}"))}), failed {failed.Count}");

        Assert.True(intents > 0, "the kill left no row intent: it did not land while payments were being posted");
        Assert.True(failed.Count == 0, $"{failed.Count} failed items:\n{string.Join('\n', failed.Take(20))}");
        Assert.Equal(0, figures.DuplicatePayments);
        Assert.Equal(paid.Count, figures.PaymentsRecorded);
        Assert.Equal(paid.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(LedgerState.Done, row.State));
    }
}

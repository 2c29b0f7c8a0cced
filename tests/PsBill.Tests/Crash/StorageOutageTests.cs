using System.Diagnostics;
using Xunit.Abstractions;

namespace PsBill.Tests.Crash;

/// <summary>
/// Issue 10, item 4: the storage emulator stopped for 15 s in the middle of a 1,500-voucher first load and started again on
/// the same ports and data. The standalone host (a child process) must either finish the run by itself or exit non-zero
/// so that a supervisor (here the test) starts it again; it must never stay alive doing nothing. The run then ends as a
/// run without an outage does.
/// </summary>
[Trait("Category", "Crash")]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task FirstLoad_StorageDownFor15SecondsMidBillCreation_HostResumesOrExitsNonZero_EveryVoucherIsOneBill()
    {
        var baseline = CrashBaseline.GetAsync();
        await using var world = await CrashWorld.StartAsync();
        await world.Host.StartAsync(CrashWorld.HostStartTimeout);
        foreach (var flow in CrashRun.Flows[..2])
        {
            await world.Ops.StartFlowAsync(flow);
            await world.WaitForFlowAsync(flow, TimeSpan.FromMinutes(4));
        }

        await world.Ops.StartFlowAsync("PollVouchers");
        await world.WaitUntilAsync(() => world.World.Bill.GetFigures().Bills >= 400, TimeSpan.FromMinutes(4), "400 bills");
        var graceful = await world.Azurite.StopAsync();
        Assert.True(graceful, "Azurite had to be killed: its unsaved data is lost, which is not an outage");
        var down = Stopwatch.StartNew();
        var billsAtStop = world.World.Bill.GetFigures().Bills;
        await Task.Delay(Outage);
        var exitedDuringOutage = world.Host.ExitCode;
        await world.Azurite.RestartAsync();
        var upAgain = down.Elapsed;

        var exits = await world.WaitForFlowAsync("PollVouchers", TimeSpan.FromMinutes(4), supervise: true);
        var recovered = down.Elapsed;
        var outcome = await world.OutcomeAsync();
        var reference = await baseline;
        output.WriteLine($"storage down {upAgain.TotalSeconds:0}s at {billsAtStop} bills; host exited during the outage: {exitedDuringOutage?.ToString() ?? "no"}; " +
                         $"exits seen {(exits.Count == 0 ? "none" : string.Join(", ", exits))}; starts {world.Host.Starts}; PollVouchers done {recovered.TotalSeconds:0}s after the stop");
        output.WriteLine($"sendable {outcome.SendableVouchers}, bills {outcome.Bills}, parked {outcome.Parked.Count} (baseline {reference.Parked.Count}), intent {outcome.Intents.Count}, failed {outcome.FailedItems.Count}, max in flight {outcome.Figures.MaxConcurrentCalls}");
        // A host that gave up said so with its exit code: a supervisor restarts on failure, not on success.
        Assert.All(exits, code => Assert.NotEqual(0, code));
        CrashAssert.SameAsWithoutCrashes(outcome, reference);
    }
}

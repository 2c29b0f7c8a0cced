using System.Diagnostics;
using Xunit.Abstractions;

namespace PsBill.Tests.Crash;

[Trait("Category", "Crash")]
public sealed class KillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Measure()
    {
        await using var world = await CrashWorld.StartAsync();
        var clock = Stopwatch.StartNew();
        await world.Host.StartAsync(CrashWorld.HostStartTimeout);
        output.WriteLine($"serving after {clock.Elapsed}");
        foreach (var flow in CrashRun.Flows)
        {
            await world.Ops.StartFlowAsync(flow);
            await world.WaitForFlowAsync(flow, TimeSpan.FromMinutes(5));
            output.WriteLine($"{flow} done at {clock.Elapsed}, bills {world.World.Bill.GetFigures().Bills}");
        }
        var outcome = await world.OutcomeAsync();
        output.WriteLine($"sendable {outcome.SendableVouchers} bills {outcome.Bills} notOne {outcome.VouchersNotOneBill.Count} intents {outcome.Intents.Count} parked {outcome.Parked.Count} failed {outcome.FailedItems.Count} max {outcome.Figures.MaxConcurrentCalls}");
        Assert.Empty(outcome.VouchersNotOneBill);
    }
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Cli.Cli;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.EndToEnd;

/// <summary><c>psbill replay</c> (its executor) on a world that has run a cycle: replays go through the ledger and create nothing twice.</summary>
public sealed class ReplayCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ExecuteAsync_RunParkedAndKeys_ReplaysFromTheLedgerAndCreatesNothingTwice()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 30);
        await world.RunCycleAsync();
        var before = world.Bill.GetFigures();
        var executor = ActivatorUtilities.CreateInstance<ReplayExecutor>(world.Services);
        var run = (await world.Services.GetRequiredService<RunStore>().ListRecentAsync(1, "PollVouchers")).Single();

        var byRun = await executor.ExecuteAsync(new ReplayRequest([], run.Id, false, false), "test");
        var parked = await executor.ExecuteAsync(new ReplayRequest([], null, true, false), "test");
        var keys = await executor.ExecuteAsync(new ReplayRequest([world.SendableVouchers()[0].Key, "voucher:XX:nope"], null, false, false), "test");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        Assert.Equal(run.Counts.Seen, byRun.Replayed.Count);
        Assert.NotEmpty(parked.Replayed);
        Assert.Equal(["voucher:XX:nope"], keys.Unknown);
        var after = world.Bill.GetFigures();
        Assert.Equal(before.Bills, after.Bills);
        Assert.Equal(before.Vendors, after.Vendors);
        Assert.Equal(0, after.DuplicateBills);
        foreach (var key in parked.Replayed) Assert.Equal(LedgerState.Parked, (await world.Ledger().GetAsync(key))!.State);
    }

    [Theory]
    [InlineData(0, null, false, false)]
    [InlineData(1, "run", false, false)]
    [InlineData(0, null, true, true)]
    public void Problem_NotExactlyOneSelector_Explains(int keys, string? runId, bool parked, bool failed) =>
        Assert.NotNull(new ReplayRequest(Enumerable.Repeat("voucher:A:1", keys).ToList(), runId, parked, failed).Problem);
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Cli;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows.Replay;

namespace PsBill.Tests.EndToEnd;

/// <summary>Replay by orchestration on a world that has run a cycle: by run, parked and keys, through the ops API's starter
/// and through <c>psbill replay</c> against the running host; nothing is created twice.</summary>
public sealed class ReplayCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task StartAsync_RunParkedAndKeys_ReplaysFromTheLedgerAndCreatesNothingTwice()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 30);
        await world.RunCycleAsync();
        var before = world.Bill.GetFigures();
        var run = (await world.Services.GetRequiredService<RunStore>().ListRecentAsync(1, "PollVouchers")).Single();

        var byRun = await world.ReplayAsync(new ReplayRequest(RunId: run.Id));
        var parked = await world.ReplayAsync(new ReplayRequest(Parked: true));
        var keys = await world.ReplayAsync(new ReplayRequest([world.SendableVouchers()[0].Key, "voucher:XX:nope"]));
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        Assert.Equal(run.Counts.Seen, byRun.Replayed.Count);
        Assert.NotNull(byRun.InstanceId);
        Assert.NotEmpty(parked.Replayed);
        Assert.Equal(["voucher:XX:nope"], keys.Unknown);
        var after = world.Bill.GetFigures();
        Assert.Equal(before.Bills, after.Bills);
        Assert.Equal(before.Vendors, after.Vendors);
        Assert.Equal(0, after.DuplicateBills);
        foreach (var key in parked.Replayed) Assert.Equal(LedgerState.Parked, (await world.Ledger().GetAsync(key))!.State);
    }

    [Fact]
    public async Task PsbillReplay_AgainstTheRunningHost_StartsAReplayOrchestration()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 20);
        await world.RunCycleAsync();
        var before = world.Bill.GetFigures();
        var key = await world.Services.GetRequiredService<ISecretStore>().GetAsync(SecretNames.AdminKey);

        Environment.SetEnvironmentVariable("PSBILL_OPS_KEY", key);
        int exit;
        try
        {
            exit = await PsBillCommandLine.Build().Parse(["replay", world.SendableVouchers()[0].Key, "--url", world.Host.BaseAddress.ToString()]).InvokeAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("PSBILL_OPS_KEY", null);
        }
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        Assert.Equal(0, exit);
        var trail = await world.Services.GetRequiredService<PsBill.Connector.Storage.Audit.AuditTrail>().ReadAsync(world.SendableVouchers()[0].Key);
        Assert.Contains(trail, t => t.Step == "work.replay");
        Assert.Equal(before.Bills, world.Bill.GetFigures().Bills);
    }

    [Theory]
    [InlineData(0, null, false, false)]
    [InlineData(1, "run", false, false)]
    [InlineData(0, null, true, true)]
    public void Problem_NotExactlyOneSelector_Explains(int keys, string? runId, bool parked, bool failed) =>
        Assert.NotNull(new ReplayRequest(keys == 0 ? null : Enumerable.Repeat("voucher:A:1", keys).ToList(), runId, parked, failed).Problem);
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.World;
using PsBill.Simulators.Azurite;

namespace PsBill.Tests.Crash;

/// <summary>
/// The same data and settings run once without any crash (the connector in-process, on an Azurite of its own), shared by
/// every crash test of the run: what it parks is what the data itself deserves; a crash test parking anything else parked
/// it because of the crash.
/// </summary>
internal static class CrashBaseline
{
    private static readonly Lazy<Task<RunOutcome>> Shared = new(RunAsync);

    public static Task<RunOutcome> GetAsync() => Shared.Value;

    private static async Task<RunOutcome> RunAsync()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var world = await SandboxWorld.StartAsync(CrashRun.Settings(azurite.ConnectionString, "baseline", inProcessHost: true));
        foreach (var flow in CrashRun.Flows) await world.InvokeTimerAsync(flow);
        return await RunOutcome.ReadAsync(world, world.Services.GetRequiredService<LedgerStore>(), world.Services.GetRequiredService<FailedItemStore>());
    }
}

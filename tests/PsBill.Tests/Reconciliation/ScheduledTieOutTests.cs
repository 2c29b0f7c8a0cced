using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Runs;
using PsBill.Sandbox.Phases;
using PsBill.Sandbox.Settlement;
using PsBill.Sandbox.World;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.Tests.Reconciliation;

/// <summary>The tie-out at the end of PollPayments, on the standalone Durable host: stored once per interval, equal to one made by
/// hand, and a PeopleSoft outage stored as a failed tie-out without failing the payment cycle.</summary>
public sealed class ScheduledTieOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PollPayments_AfterAPaymentCycle_StoresOneTieOutPerIntervalThatTiesLikeOneMadeByHand()
    {
        await using var world = await StartCycleAsync(minInterval: "01:00:00");
        var store = world.Services.GetRequiredService<TieOutStore>();

        var stored = Assert.Single(await store.ListAsync());
        Assert.True(stored.Made, stored.Error);
        Assert.Equal(0, stored.Unexplained);
        Assert.True(stored.Tied > 0);
        Assert.True(stored.BillPaid > 0m, "the cycle paid nothing");
        var run = await world.Services.GetRequiredService<RunStore>().GetAsync(stored.RunId!);
        Assert.Equal((FunctionNames.PollPayments, RunStatus.Succeeded), (run!.Function, run.Status));
        var report = await store.ReadReportAsync(stored);
        Assert.NotNull(report);
        Assert.Equal((stored.Vouchers, stored.Tied, stored.Explained), (report.Vouchers, report.Tied, report.Explained));
        // The same figures, to the cent, as a tie-out made by hand now that nothing moves.
        var byHand = await ActivatorUtilities.GetServiceOrCreateInstance<TieOutService>(world.Services).BuildAsync();
        Assert.Equal(
            (byHand.Vouchers, byHand.Total.PeopleSoftGross, byHand.Total.BillAmount, byHand.Total.BillPaid, byHand.Total.PeopleSoftPaid),
            (stored.Vouchers, stored.PeopleSoftGross, stored.BillAmount, stored.BillPaid, stored.PeopleSoftPaid));
        Assert.Empty(await BillReadsAsync(world));

        await world.InvokeTimerAsync(FunctionNames.PollPayments);

        Assert.Single(await store.ListAsync()); // within MinInterval: not again
    }

    [Fact]
    public async Task PollPayments_PeopleSoftDownForTheTieOut_StoresAFailedTieOutAndThePaymentCycleSucceeds()
    {
        await using var world = await StartCycleAsync(minInterval: "00:00:00");
        var store = world.Services.GetRequiredService<TieOutStore>();
        Assert.True(Assert.Single(await store.ListAsync()).Made);
        world.PeopleSoft.Faults.FailNext(1000, 503, PeopleSoftFaultTarget.Queries);

        await world.InvokeTimerAsync(FunctionNames.PollPayments);

        var client = await world.Flows.ClientAsync();
        var instance = await client.GetInstanceAsync(FlowStarter.InstanceIdOf(FunctionNames.PollPayments));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        var all = await store.ListAsync();
        Assert.Equal(2, all.Count);
        var failed = all[0];
        Assert.False(failed.Made);
        Assert.Contains("PeopleSoft could not be read", failed.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, (await world.Services.GetRequiredService<RunStore>().GetAsync(failed.RunId!))!.Status);
        Assert.Null(await store.ReadReportAsync(failed));
        // The newest made one is still the first.
        Assert.Equal(all[1].Id, (await store.LatestAsync(madeOnly: true))!.Id);
    }

    private static async Task<List<string>> BillReadsAsync(SandboxWorld world)
    {
        var storage = world.Services.GetRequiredService<PsBillStorage>();
        var container = storage.BlobService.GetBlobContainerClient(TieOutStore.ContainerName(storage.Names));
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "bill/", CancellationToken.None)) names.Add(blob.Name);
        return names;
    }

    private async Task<SandboxWorld> StartCycleAsync(string minInterval)
    {
        var world = await EndToEndWorld.StartAsync(azurite, suppliers: 8, vouchers: 24, settings: new Dictionary<string, string?>
        {
            ["PsBill:Reconciliation:AfterPollPayments"] = "true",
            ["PsBill:Reconciliation:MinInterval"] = minInterval,
            ["PsBill:PeopleSoft:Resilience:RetryBaseDelay"] = "00:00:00.020",
            ["PsBill:PeopleSoft:Resilience:MaxRetryAttempts"] = "1",
        });
        try
        {
            await world.RunCycleAsync();
            await new PaymentSandboxPhase().RunAsync(new SandboxRun(world, new SandboxProgress(TextWriter.Null)));
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }
}

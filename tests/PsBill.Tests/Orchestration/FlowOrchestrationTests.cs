using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Vouchers;
using PsBill.Sandbox.World;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;
using PsBill.Workflows.Replay;
using PsBill.Workflows.Starting;

namespace PsBill.Tests.Orchestration;

/// <summary>The flows on the standalone Durable host over Azurite and the simulators: pages and fan-out, the BillGate under
/// concurrent flows (read from the BILL simulator), singletons, and restart.</summary>
public sealed class FlowOrchestrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PollVouchers_SeveralPages_FansOutEveryBatchAndMovesTheCheckpointToTheEnd()
    {
        // 10 bills a batch: each page of 25 fans out over several lanes (a single lane runs inside the flow itself).
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 60, settings: new Dictionary<string, string?> { ["PsBill:Sync:BillBatchSize"] = "10" });
        await world.InvokeTimerAsync(FunctionNames.SyncReferenceData);
        await world.InvokeTimerAsync(FunctionNames.PollSuppliers);

        await world.InvokeTimerAsync(FunctionNames.PollVouchers);

        var figures = world.Bill.GetFigures();
        Assert.Equal(world.SendableVouchers().Count, figures.Bills);
        Assert.Equal(0, figures.DuplicateBills);
        // 25 records a page: several executions of the same singleton (ContinueAsNew), each with its lanes.
        var client = await world.Flows.ClientAsync();
        var lanes = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "PollVouchers" })) lanes++;
        Assert.True(lanes > 3, $"expected the flow and the lanes of several pages, found {lanes} instances");
        var checkpoint = await world.Services.GetRequiredService<CheckpointStore>().GetAsync(VoucherPoll.CheckpointName);
        Assert.NotNull(checkpoint);
        // Each page after the first was read while the lanes of the page before it worked: the last execution started with
        // its page already read (keys only), handed over through ContinueAsNew.
        var flow = await client.GetInstanceAsync(FunctionNames.PollVouchers, getInputsAndOutputs: true);
        var input = System.Text.Json.JsonDocument.Parse(flow!.SerializedInput!).RootElement;
        Assert.True(input.GetProperty("Page").GetInt32() > 0, flow.SerializedInput);
        var ahead = input.GetProperty("Ahead");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, ahead.ValueKind);
        Assert.NotEqual(0, ahead.GetProperty("Items").GetArrayLength());
        Assert.False(ahead.GetProperty("More").GetBoolean());
        var again = await world.Flows.RunAsync(FunctionNames.PollVouchers, TimeSpan.FromMinutes(2));
        Assert.True(again.Started);
        Assert.Equal(figures.Bills, world.Bill.GetFigures().Bills);
    }

    [Fact]
    public async Task ConcurrentFlowsAndReplay_ShareTheGate_NeverMoreThanThreeBillCallsInFlight()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, suppliers: 20, vouchers: 80);
        await world.InvokeTimerAsync(FunctionNames.SyncReferenceData);
        var client = await world.Flows.ClientAsync();
        var starter = world.Services.GetRequiredService<FlowStarter>();

        // Suppliers and vouchers at once (vouchers create missing vendors inline), and a replay of every supplier on top.
        await starter.StartAsync(client, FunctionNames.PollSuppliers);
        await starter.StartAsync(client, FunctionNames.PollVouchers);
        await world.ReplayAsync(new ReplayRequest(world.PeopleSoft.GetSuppliers().Select(s => s.Key).ToList()));
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var figures = world.Bill.GetFigures();
        Assert.InRange(figures.MaxConcurrentCalls, 1, 3);
        Assert.Equal(0, figures.Rejected.TooManyConcurrent);
        Assert.Equal(0, figures.DuplicateVendors);
        Assert.Equal(0, figures.DuplicateBills);
        Assert.Equal(world.SendableVouchers().Count, figures.Bills);
        var intents = 0;
        await foreach (var _ in world.Ledger().QueryByStateAsync(LedgerState.Intent)) intents++;
        Assert.Equal(0, intents);
    }

    [Fact]
    public async Task Tick_WhileItsFlowRuns_StartsNothing_AndRestartRunsTheFlowAgainWithoutDuplicates()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 30);
        await world.InvokeTimerAsync(FunctionNames.SyncReferenceData);
        await world.InvokeTimerAsync(FunctionNames.PollSuppliers);
        var client = await world.Flows.ClientAsync();
        var starter = world.Services.GetRequiredService<FlowStarter>();

        var first = await starter.StartAsync(client, FunctionNames.PollVouchers);
        var second = await starter.StartAsync(client, FunctionNames.PollVouchers);
        await world.Flows.WaitForInstanceAsync(first.InstanceId, TimeSpan.FromMinutes(2));
        var before = world.Bill.GetFigures();

        var restarted = await client.RestartAsync(first.InstanceId, restartWithNewInstanceId: false);
        await world.Flows.WaitForInstanceAsync(restarted, TimeSpan.FromMinutes(2));

        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.InstanceId, restarted);
        Assert.Equal(before.Bills, world.Bill.GetFigures().Bills);
        Assert.Equal(0, world.Bill.GetFigures().DuplicateBills);
    }
}

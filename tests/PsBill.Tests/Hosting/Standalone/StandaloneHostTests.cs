using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Connector.Work;
using PsBill.Sandbox.World;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.Tests.Hosting.Standalone;

public sealed class StandaloneHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SettlementStart_WithPreconfiguredHandler_RunsItOnTheDurableEngineOnce()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Payment);
        var preconfigured = new ServiceCollection().AddSingleton<IWorkItemHandler>(handler);
        await using var host = StandaloneHost.Create(TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]), preconfigured);
        await host.StartAsync();
        var client = await host.Services.GetRequiredService<StandaloneDurableClient>().GetAsync();
        var item = new WorkItem { Id = "event-1", Kind = WorkItemKind.Payment, Keys = [ItemKeys.Payment("pay1", "bill1")] };

        var first = await host.Services.GetRequiredService<WorkStarter>().StartSettlementAsync(client, item);
        var again = await host.Services.GetRequiredService<WorkStarter>().StartSettlementAsync(client, item);
        await new FlowDriver(host.Services).WaitForInstanceAsync(first, TimeSpan.FromMinutes(2));

        Assert.Equal(first, again);
        Assert.Single(handler.Calls);
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(2500)]
    public async Task RetryLater_OnTheDurableEngine_WaitsAtLeastTheTimeAsked(int milliseconds)
    {
        // The task hub's timers are queue messages with whole-second visibility delays: without the slack of WorkRounds a
        // timer fires up to a second early (a 1 s one after 40 ms), and "retry after" waits were not kept.
        var asked = TimeSpan.FromMilliseconds(milliseconds);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var handler = new RecordingWorkHandler(WorkItemKind.Payment, (_, _, _) =>
        {
            seen.Enqueue(TimeProvider.System.GetUtcNow());
            return Task.FromResult(seen.Count < 3 ? WorkOutcome.RetryLater(asked, "not yet") : WorkOutcome.Done());
        });
        await using var host = StandaloneHost.Create(TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]),
            new ServiceCollection().AddSingleton<IWorkItemHandler>(handler));
        await host.StartAsync();
        var client = await host.Services.GetRequiredService<StandaloneDurableClient>().GetAsync();
        var item = new WorkItem { Id = "event-retry", Kind = WorkItemKind.Payment, Keys = [ItemKeys.Payment("pay2", "bill2")] };

        var id = await host.Services.GetRequiredService<WorkStarter>().StartSettlementAsync(client, item);
        await new FlowDriver(host.Services).WaitForInstanceAsync(id, TimeSpan.FromMinutes(2));

        var times = seen.ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(times[1] - times[0] >= asked, $"the second attempt came {(times[1] - times[0]).TotalMilliseconds:0} ms after the first, asked {asked.TotalMilliseconds} ms");
        Assert.True(times[2] - times[1] >= asked, $"the third attempt came {(times[2] - times[1]).TotalMilliseconds:0} ms after the second, asked {asked.TotalMilliseconds} ms");
        await host.StopAsync();
    }

    [Fact]
    public async Task ResultAggregator_IsOff_SoNoInvocationArgumentsAreQueued()
    {
        // Its queue held each orchestrator's whole history as an argument (see StandaloneHost): off, WebJobs creates none.
        await using var host = StandaloneHost.Create(TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]));

        Assert.False(host.Services.GetRequiredService<IOptions<FunctionResultAggregatorOptions>>().Value.IsEnabled);
    }

    [Fact]
    public void FunctionTypes_DeclareEveryOrchestratorActivityEntityAndTimerOfTheApp()
    {
        var names = StandaloneFunctionTypes.All
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionNameAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var expected = FunctionNames.Flows
            .Append(FunctionNames.CheckAlerts)
            .Concat(FunctionNames.Orchestrators.All)
            .Concat(FunctionNames.Activities.All)
            .Concat(FunctionNames.Entities.All)
            .Append("PsBillDurableClient")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(), names.Order());
    }
}

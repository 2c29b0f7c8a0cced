using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public void FunctionTypes_DeclareEveryOrchestratorActivityEntityAndTimerOfTheApp()
    {
        var names = StandaloneFunctionTypes.All
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionNameAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var expected = FunctionNames.Flows
            .Concat(FunctionNames.Orchestrators.All)
            .Concat(FunctionNames.Activities.All)
            .Concat(FunctionNames.Entities.All)
            .Append("PsBillDurableClient")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(), names.Order());
    }
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Work;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting.Standalone;

public sealed class StandaloneHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Create_WithPreconfiguredServiceCollection_UsesItsRegistrationsInProcess()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Payment);
        var preconfigured = new ServiceCollection().AddSingleton<IWorkItemHandler>(handler);
        await using var host = StandaloneHost.Create(TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]), preconfigured);
        await host.StartAsync();

        await host.Services.GetRequiredService<WorkQueue>().EnqueueAsync(WorkItem.For(ItemKeys.Payment("pay1", "bill1")));

        Assert.True(await Eventually.TrueAsync(() => handler.Calls.Count == 1));
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        await host.StopAsync();
    }
}

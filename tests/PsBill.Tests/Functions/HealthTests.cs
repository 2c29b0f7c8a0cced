using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Runs;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;

namespace PsBill.Tests.Functions;

/// <summary><c>GET /api/health</c> through the standalone host, without a key: per-flow lag from the runs table, 503 while a flow
/// lags or never ran (what an Azure Monitor availability test watches).</summary>
public sealed class HealthTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_NoFlowEverRan_Answers503WithEachFlowNeverRun()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["healthy"]!);
        var flows = body["flows"]!.AsArray();
        Assert.Equal(FunctionNames.Flows.Order(StringComparer.Ordinal), flows.Select(f => (string)f!["flow"]!));
        Assert.All(flows, f => Assert.Null(f!["lastSuccess"]));
    }

    [Fact]
    public async Task Health_OneFlowTwoHoursBehindThenRunAgain_Answers503NamingItThen200()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var storage = host.Services.GetRequiredService<PsBillStorage>();
        var now = TimeProvider.System.GetUtcNow();
        // PollVouchers last succeeded two hours ago: past its 1-hour limit; the others ten minutes ago.
        foreach (var flow in FunctionNames.Flows)
            await SucceededAsync(new RunStore(storage, new FakeTimeProvider(flow == FunctionNames.PollVouchers ? now.AddHours(-2) : now.AddMinutes(-10))), flow);

        var lagging = await http.GetAsync("/api/health");
        await SucceededAsync(host.Services.GetRequiredService<RunStore>(), FunctionNames.PollVouchers);
        var healthy = await http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lagging.StatusCode);
        var flows = JsonNode.Parse(await lagging.Content.ReadAsStringAsync())!["flows"]!.AsArray();
        var vouchers = Assert.Single(flows, f => (string)f!["flow"]! == FunctionNames.PollVouchers)!;
        Assert.False((bool)vouchers["healthy"]!);
        Assert.InRange((double)vouchers["lagMinutes"]!, 119.0, 125.0);
        Assert.Equal(60.0, (double)vouchers["maxLagMinutes"]!);
        Assert.All(flows.Where(f => (string)f!["flow"]! != FunctionNames.PollVouchers), f => Assert.True((bool)f!["healthy"]!));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.True((bool)JsonNode.Parse(await healthy.Content.ReadAsStringAsync())!["healthy"]!);
    }

    private static async Task SucceededAsync(RunStore runs, string flow)
    {
        var run = await runs.StartAsync(flow);
        await runs.CompleteAsync(run.Id, RunCounts.None);
    }

    private async Task<StandaloneHost> StartAsync()
    {
        var host = StandaloneHost.Create(TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]));
        await host.StartAsync();
        return host;
    }
}

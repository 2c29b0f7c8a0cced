using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Security;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Connector.Credentials;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Reconciliation;

namespace PsBill.Tests.Functions;

/// <summary>The ops API's tie-out routes through the standalone host (admin key), over the stored tie-outs.</summary>
public sealed class OpsTieOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "test-admin-key";

    [Fact]
    public async Task TieOut_NoneStored_Answers404()
    {
        await using var host = await StartAsync();
        using var http = Client(host);

        var latest = await http.GetAsync("/api/ops/api/tieout");
        var list = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/tieouts"))!.AsArray();

        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        Assert.Empty(list);
    }

    [Fact]
    public async Task TieOut_NewestFailed_ShowsTheFailureWithTheReportOfTheNewestMade()
    {
        await using var host = await StartAsync();
        using var http = Client(host);
        var (made, failed) = await StoredTieOuts.SeedAsync(host.Services.GetRequiredService<TieOutStore>(), TimeProvider.System.GetUtcNow(), thenFail: true);

        var latest = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/tieout"))!;
        var list = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/tieouts?max=10"))!.AsArray();
        var one = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/tieouts/" + made.Id))!;
        var missing = await http.GetAsync("/api/ops/api/tieouts/0000000000000000000-abcdef");
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var unauthorized = await anonymous.GetAsync("/api/ops/api/tieout");

        Assert.Equal(failed!.Id, (string)latest["tieOut"]!["id"]!);
        Assert.False((bool)latest["tieOut"]!["made"]!);
        Assert.Contains("PeopleSoft could not be read", (string)latest["tieOut"]!["error"]!, StringComparison.Ordinal);
        Assert.Equal(made.Id, (string)latest["reportOf"]!);
        Assert.Equal(1, (int)latest["report"]!["unexplained"]!);
        Assert.Equal("Unexplained", (string)latest["report"]!["lines"]![1]!["status"]!);
        Assert.Equal([failed.Id, made.Id], list.Select(t => (string)t!["id"]!));
        Assert.Equal(10.01m, -(decimal)one["report"]!["total"]!["unexplainedGrossDifference"]!);
        Assert.Equal(StoredTieOuts.UnexplainedVoucher, (string)one["report"]!["lines"]![1]!["voucherKey"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private async Task<StandaloneHost> StartAsync()
    {
        var host = StandaloneHost.Create(
            TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]),
            services => services.AddSingleton<ISecretStore>(new InMemorySecretStore([new(SecretNames.AdminKey, AdminKey)])));
        await host.StartAsync();
        return host;
    }

    private static HttpClient Client(StandaloneHost host)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add(AdminKeyVerifier.AdminKeyHeader, AdminKey);
        return http;
    }
}

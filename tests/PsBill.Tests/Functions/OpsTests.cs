using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Cli.Hosting.Security;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Sandbox.World;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Functions;

/// <summary>The Ops function through the standalone host (which asks for the admin key).</summary>
public sealed class OpsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "test-admin-key";

    private async Task<(StandaloneHost Host, HttpClient Http)> StartAsync()
    {
        var host = StandaloneHost.Create(
            TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]),
            services => services.AddSingleton<ISecretStore>(new InMemorySecretStore([new(SecretNames.AdminKey, AdminKey)])));
        await host.StartAsync();
        var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add(AdminKeyVerifier.AdminKeyHeader, AdminKey);
        return (host, http);
    }

    [Fact]
    public async Task Api_WithoutOrWithWrongKeyOrKeyInTheUrl_Answers401()
    {
        var (host, http) = await StartAsync();
        await using var _ = host;
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using var wrongKey = new HttpClient { BaseAddress = host.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add(AdminKeyVerifier.AdminKeyHeader, "nope");

        var none = await anonymous.GetAsync("/api/ops/api/runs");
        var wrong = await wrongKey.GetAsync("/api/ops/api/runs");
        // Keys in URLs end up in access logs: the right key in ?code= is refused too; only headers count.
        var inUrl = await anonymous.GetAsync($"/api/ops/api/runs?code={AdminKey}");
        var right = await http.GetAsync("/api/ops/api/runs");

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            (none.StatusCode, wrong.StatusCode, inUrl.StatusCode, right.StatusCode));
    }

    [Fact]
    public async Task Item_ParkedVoucher_ShowsLedgerRowAndTrail()
    {
        var (host, http) = await StartAsync();
        await using var _ = host;
        var ledger = host.Services.GetRequiredService<LedgerStore>();
        var intent = (await ledger.TryInsertIntentAsync("voucher:US001:00000042", "h", "r1")).Entry;
        await ledger.UpdateAsync(intent with { State = LedgerState.Parked, ParkedReason = "account 610000 is not mapped" });
        await host.Services.GetRequiredService<AuditTrail>().AppendAsync("voucher:US001:00000042", "mapping.check", "parked", "account 610000 is not mapped", "r1");

        var item = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/items/" + Uri.EscapeDataString("voucher:US001:00000042")))!;
        var parked = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/parked"))!.AsArray();
        var missing = await http.GetAsync("/api/ops/api/items/voucher%3AUS001%3A404");

        Assert.Equal("parked", (string)item["ledger"]!["state"]!);
        Assert.Equal("mapping.check", (string)item["trail"]![0]!["step"]!);
        Assert.Equal("account 610000 is not mapped", (string)Assert.Single(parked)!["parkedReason"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Replay_ParkedItems_StartsAReplayOrchestrationThatRunsThem()
    {
        var (host, http) = await StartAsync();
        await using var _ = host;
        var ledger = host.Services.GetRequiredService<LedgerStore>();
        var intent = (await ledger.TryInsertIntentAsync("supplier:SHARE:V9", null, null)).Entry;
        await ledger.UpdateAsync(intent with { State = LedgerState.Parked, ParkedReason = "no remit address" });

        var response = await http.PostAsJsonAsync("/api/ops/api/replay", new { parked = true });

        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("supplier:SHARE:V9", (string)result["replayed"]![0]!);
        var instanceId = (string)result["instanceId"]!;
        // This host has no sync configured: the replayed item fails loudly ("no handler"), after its retries, never silently.
        await new FlowDriver(host.Services).WaitForInstanceAsync(instanceId, TimeSpan.FromMinutes(2));
        var instance = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/instances/" + instanceId))!;
        Assert.Equal("Completed", (string)instance["status"]!);
        Assert.Contains(await host.Services.GetRequiredService<AuditTrail>().ReadAsync("supplier:SHARE:V9"), t => t.Step == "work.replay");
    }

    [Fact]
    public async Task SignIn_WithTheKey_SetsAnHttpOnlyCookieThatOpensTheApiButNotForCrossSitePosts()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var wrong = await browser.PostAsync("/api/ops/login", new FormUrlEncodedContent([new("key", "nope")]));
        var signIn = await browser.PostAsync("/api/ops/login", new FormUrlEncodedContent([new("key", AdminKey)]));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        var page = await browser.GetAsync("/api/ops/api/runs");
        var crossSite = await browser.PostAsJsonAsync("/api/ops/api/replay", new { parked = true });
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/ops/api/replay") { Content = JsonContent.Create(new { parked = true }) };
        sameSite.Headers.Add(OpsSession.CsrfHeader, "1");
        var fromPage = await browser.SendAsync(sameSite);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AdminKey, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
    }

    [Fact]
    public async Task Page_WithKey_IsHtmlThatCallsTheApi()
    {
        var (host, http) = await StartAsync();
        await using var _ = host;

        var response = await http.GetAsync("/api/ops");

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("PsBill operations", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/ops/api/nothing")).StatusCode);
    }
}

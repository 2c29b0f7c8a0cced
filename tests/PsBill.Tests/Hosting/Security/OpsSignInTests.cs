using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PsBill.Cli.Hosting.Security;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Connector.Credentials;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting.Security;

/// <summary>The ops page's sign-in under psbill run: a form sets an HttpOnly, SameSite=Strict cookie; changes signed in by cookie
/// must come from the page itself (its header and the same origin); a wrong key and a cross-site request are refused, and
/// no key reaches a log line.</summary>
public sealed class OpsSignInTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "ops-sign-in-key-0123456789";

    private async Task<(StandaloneHost Host, FakeLogCollector Logs)> StartAsync()
    {
        var logs = new FakeLogCollector();
        var host = StandaloneHost.Create(
            TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false")]),
            services =>
            {
                services.AddSingleton<ISecretStore>(new InMemorySecretStore([new(SecretNames.AdminKey, AdminKey)]));
                services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
            });
        await host.StartAsync();
        return (host, logs);
    }

    private static HttpClient Browser(StandaloneHost host) =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

    private static HttpRequestMessage PagePost(StandaloneHost host, string path, string? origin = null, string? fetchSite = null, bool csrfHeader = true)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { parked = true }) };
        message.Headers.Add("Origin", origin ?? host.BaseAddress.GetLeftPart(UriPartial.Authority));
        if (fetchSite is not null) message.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (csrfHeader) message.Headers.Add(OpsSession.CsrfHeader, "1");
        return message;
    }

    [Fact]
    public async Task CookieSession_PostsFromThePageAllowed_CrossSitePostsRefused()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        using var browser = Browser(host);
        var signIn = await browser.PostAsync("/api/ops/login", new FormUrlEncodedContent([new("key", AdminKey)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var fromPage = await browser.SendAsync(PagePost(host, "/api/ops/api/replay", fetchSite: "same-origin"));
        var otherOrigin = await browser.SendAsync(PagePost(host, "/api/ops/api/replay", origin: "http://evil.example"));
        var crossSite = await browser.SendAsync(PagePost(host, "/api/ops/api/replay", fetchSite: "cross-site"));
        var sameSiteOtherPort = await browser.SendAsync(PagePost(host, "/api/ops/api/replay", fetchSite: "same-site"));
        var withoutHeader = await browser.SendAsync(PagePost(host, "/api/ops/api/replay", csrfHeader: false));

        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sameSiteOtherPort.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutHeader.StatusCode);
    }

    [Fact]
    public async Task SignIn_FromAnotherSiteOrWithAWrongKey_RefusedAndNoKeyIsLogged()
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;
        using var browser = Browser(host);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/ops/login") { Content = new FormUrlEncodedContent([new("key", AdminKey)]) };
        crossSite.Headers.Add("Origin", "http://evil.example");
        var fromElsewhere = await browser.SendAsync(crossSite);
        var wrong = await browser.PostAsync("/api/ops/login", new FormUrlEncodedContent([new("key", "not-the-key-at-all")]));
        var api = await browser.GetAsync("/api/ops/api/overview");
        var page = await browser.GetAsync("/api/ops");

        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.False(fromElsewhere.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not the admin key", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains(AdminKey, StringComparison.Ordinal) || r.Message.Contains("not-the-key-at-all", StringComparison.Ordinal));
    }
}

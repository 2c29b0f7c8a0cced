using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PsBill.Connector.Credentials;
using PsBill.Cli.Hosting.Security;

namespace PsBill.Tests.Hosting.Security;

/// <summary>A small Kestrel app on 127.0.0.1 with an ops endpoint behind the filter, an admin area behind the middleware,
/// and an open webhook endpoint.</summary>
public sealed class AdminKeyTests : IAsyncLifetime
{
    private const string AdminKey = "admin-key-0123456789-abcdefghij";
    private readonly InMemorySecretStore _store = new([new(SecretNames.AdminKey, AdminKey)]);
    private readonly FakeLogCollector _logs = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(_logs));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<ISecretStore>(_store).AddPsBillAdminKey().AddProblemDetails();
        _app = builder.Build();
        _app.UseAdminKey("/admin");
        _app.MapGet("/admin/replay", () => "replayed");
        var ops = _app.MapGroup("/api/ops").RequireAdminKey();
        ops.MapGet("/runs", () => "runs");
        _app.MapPost("/api/webhook", () => "ok");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? header = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null) request.Headers.Add(header, key);
        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData(AdminKeyVerifier.AdminKeyHeader)]
    [InlineData(AdminKeyVerifier.FunctionsKeyHeader)]
    public async Task OpsEndpoint_RightKeyInEitherHeader_Answers200(string header)
    {
        using var response = await GetAsync("/api/ops/runs", header, AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("runs", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(AdminKeyVerifier.AdminKeyHeader, "wrong")]
    [InlineData(AdminKeyVerifier.AdminKeyHeader, AdminKey + "x")]
    [InlineData(AdminKeyVerifier.FunctionsKeyHeader, "admin-key-0123456789-abcdefghiJ")]
    [InlineData("x-api-key", AdminKey)]
    public async Task OpsEndpoint_MissingOrWrongKey_Answers401(string? header, string? key)
    {
        using var response = await GetAsync("/api/ops/runs", header, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("runs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpsEndpoint_NoAdminKeyInTheStore_RefusesEveryRequestAndSaysWhy()
    {
        var empty = new InMemorySecretStore();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(_logs));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<ISecretStore>(empty).AddPsBillAdminKey();
        await using var app = builder.Build();
        app.MapGet("/ops", () => "ops").RequireAdminKey();
        await app.StartAsync();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, app.Urls.Single() + "/ops");
        request.Headers.Add(AdminKeyVerifier.AdminKeyHeader, string.Empty.PadLeft(8, 'k'));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains(SecretNames.AdminKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminArea_Middleware_RequiresTheKeyUnderItsPrefixOnly()
    {
        using var refused = await GetAsync("/admin/replay");
        using var allowed = await GetAsync("/admin/replay", AdminKeyVerifier.AdminKeyHeader, AdminKey);
        using var webhook = await _client.PostAsync("/api/webhook", null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
    }

    [Fact]
    public async Task OpsEndpoint_RotatedKey_OldKeyRefusedNewKeyAccepted()
    {
        await _store.SetAsync(SecretNames.AdminKey, "rotated-admin-key-xyz");

        using var old = await GetAsync("/api/ops/runs", AdminKeyVerifier.AdminKeyHeader, AdminKey);
        using var rotated = await GetAsync("/api/ops/runs", AdminKeyVerifier.AdminKeyHeader, "rotated-admin-key-xyz");

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
    }

    [Fact]
    public async Task Refusals_AreLogged_WithoutTheKeys()
    {
        using var wrong = await GetAsync("/api/ops/runs", AdminKeyVerifier.AdminKeyHeader, "wrong-key-guess-1234");
        using var right = await GetAsync("/api/ops/runs", AdminKeyVerifier.AdminKeyHeader, AdminKey);

        var records = _logs.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("wrong admin key", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains(AdminKey, StringComparison.Ordinal) || r.Message.Contains("wrong-key-guess-1234", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "abcd", false)]
    [InlineData("", "abc", false)]
    public void KeysEqual_ComparesWholeKeys(string presented, string expected, bool equal)
    {
        Assert.Equal(equal, AdminKeyVerifier.KeysEqual(presented, expected));
    }
}

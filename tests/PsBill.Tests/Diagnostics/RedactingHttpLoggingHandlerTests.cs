using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Credentials;
using PsBill.Connector.Diagnostics;

namespace PsBill.Tests.Diagnostics;

/// <summary>The handler in front of a small BILL-like server on 127.0.0.1: a login that returns a session id, and a call
/// that sends it back in headers.</summary>
public sealed class RedactingHttpLoggingHandlerTests : IAsyncLifetime
{
    private const string Username = "ap-clerk@example.com";
    private const string Password = "Login-Pass-123";
    private const string DevKey = "DEVKEY-0123456789";
    private const string SessionId = "SESSION-abcdef-987";
    private WebApplication _server = null!;
    private Uri _baseAddress = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapPost("/v3/login", () => Results.Json(new { organizationId = "00801XYZ", sessionId = SessionId, trusted = false, userId = "006U1" }));
        _server.MapGet("/v3/vendors", (HttpRequest request) =>
            request.Headers["sessionId"] == SessionId ? Results.Json(new { results = Array.Empty<object>() }) : Results.StatusCode(401));
        await _server.StartAsync();
        _baseAddress = new Uri(_server.Urls.Single());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient CreateClient(FakeLogger logger, FakeTimeProvider time, HttpLoggingRedactionOptions options)
    {
        var handler = new RedactingHttpLoggingHandler("Bill", logger, time, options: options)
        {
            InnerHandler = new AdvanceTimeHandler(time, TimeSpan.FromMilliseconds(250)) { InnerHandler = new SocketsHttpHandler() },
        };
        return new HttpClient(handler) { BaseAddress = _baseAddress };
    }

    [Fact]
    public async Task SendAsync_LoginAndCall_LogsMethodUrlStatusAndDurationWithoutAnySecret()
    {
        var logger = new FakeLogger();
        var time = new FakeTimeProvider();
        using var client = CreateClient(logger, time, new HttpLoggingRedactionOptions { LogHeaders = true, LogBodies = true });

        using var login = await client.PostAsJsonAsync("/v3/login", new { username = Username, password = Password, organizationId = "00801XYZ", devKey = DevKey });
        var loginBody = await login.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v3/vendors?max=10");
        request.Headers.Add("devKey", DevKey);
        request.Headers.Add("sessionId", SessionId);
        using var vendors = await client.SendAsync(request);

        Assert.Equal(SessionId, loginBody!["sessionId"].ToString()); // the caller still reads the buffered body
        Assert.Equal(HttpStatusCode.OK, vendors.StatusCode);
        var records = logger.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message == $"Bill HTTP POST {_baseAddress}v3/login answered 200 in 250 ms");
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message == $"Bill HTTP GET {_baseAddress}v3/vendors?max=10 answered 200 in 250 ms");
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message.Contains("devKey: ***", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Trace && r.Message.Contains("\"sessionId\":\"***\"", StringComparison.Ordinal));
        var scrubber = new SecretScrubber([new("username", Username), new("password", Password), new("devKey", DevKey), new("sessionId", SessionId)]);
        Assert.All(records, r => Assert.Empty(scrubber.FindSecrets(r.Message)));
        Assert.All(records, r => Assert.Empty(scrubber.FindSecrets(string.Join(' ', r.StructuredState?.Select(s => s.Value) ?? []))));
    }

    [Fact]
    public async Task SendAsync_DefaultOptions_LogsNoBody()
    {
        var logger = new FakeLogger();
        using var client = CreateClient(logger, new FakeTimeProvider(), new HttpLoggingRedactionOptions());

        using var login = await client.PostAsync("/v3/login", new StringContent("{\"password\":\"x\"}", Encoding.UTF8, "application/json"));

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.Contains("body", StringComparison.Ordinal));
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message.Contains("answered 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_LogsFailureWithRedactedUrlAndRethrows()
    {
        var logger = new FakeLogger();
        var handler = new RedactingHttpLoggingHandler("PeopleSoft", logger, new FakeTimeProvider()) { InnerHandler = new SocketsHttpHandler() };
        using var client = new HttpClient(handler);
        var closedPort = _baseAddress.Port;
        await _server.StopAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{closedPort}/q?password=pw-in-url"));

        var failure = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("PeopleSoft HTTP GET", failure.Message);
        Assert.Contains("password=***", failure.Message);
        Assert.DoesNotContain("pw-in-url", failure.Message);
    }

    [Fact]
    public async Task AddRedactedHttpLogging_NamedClient_PutsTheHandlerInThePipeline()
    {
        var logger = new FakeLogger();
        var services = new ServiceCollection().AddLogging(b => b.ClearProviders().AddProvider(new FakeLoggerProvider(logger.Collector)));
        services.AddHttpClient("bill").AddRedactedHttpLogging("Bill");
        using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("bill");
        using var response = await client.GetAsync(new Uri(_baseAddress, "/v3/vendors"));

        var record = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information);
        Assert.Equal("PsBill.Http.Bill", record.Category);
        Assert.Contains("answered 401", record.Message);
    }

    /// <summary>Moves fake time on while a call is in flight, so the logged duration is known.</summary>
    private sealed class AdvanceTimeHandler(FakeTimeProvider time, TimeSpan by) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            time.Advance(by);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

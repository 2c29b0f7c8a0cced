using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;
using PsBill.Cli.Hosting.CustomHandler;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting.CustomHandler;

/// <summary>Posts exactly what the Functions host posts to a custom handler, and checks the answers.</summary>
public sealed class CustomHandlerHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private sealed class CapturingWebhook : IBillWebhookReceiver
    {
        public WebhookRequest? Received { get; private set; }

        public Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken = default)
        {
            Received = request;
            return Task.FromResult(new WebhookResponse(202, "queued"));
        }
    }

    private sealed class PastDueRecordingPoll : IVoucherPoll
    {
        public RunContext? Run { get; private set; }

        public Task<RunCounts> PollAsync(RunContext run, CancellationToken cancellationToken = default)
        {
            Run = run;
            return Task.FromResult(new RunCounts(Seen: 1));
        }
    }

    private async Task<(WebApplication App, HttpClient Http)> StartAsync(Action<IServiceCollection> configure)
    {
        var app = CustomHandlerHost.Build(TestSettings.For(azurite, AzuriteFixture.UniquePrefix()), 0, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address);
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string QueuePayload(string messageData) => $$"""
        {
          "Data": { "message": {{messageData}} },
          "Metadata": {
            "DequeueCount": 3,
            "ExpirationTime": "2026-12-01T07:58:31+00:00",
            "Id": "800ae4b3-bdd2-4c08-badd-f08e5a34b865",
            "InsertionTime": "2026-11-24T07:58:31+00:00",
            "NextVisibleTime": "2026-11-24T08:08:32+00:00",
            "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
            "sys": { "MethodName": "ProcessWork", "UtcNow": "2026-11-24T07:58:32.2205399Z", "RandGuid": "24ad4c06-24ad-4e5b-8294-3da9714877e9" }
          }
        }
        """;

    [Fact]
    public async Task GetRoot_HostProbe_AnswersAtOnce()
    {
        var (app, http) = await StartAsync(_ => { });
        await using var _ = app;

        var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostProcessWork_QueueMessageAsJsonString_RunsHandlerAndAnswersHostShape()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher);
        var (app, http) = await StartAsync(s => s.AddSingleton<IWorkItemHandler>(handler));
        await using var _ = app;
        var item = WorkItem.For("voucher:US001:00012345");
        var request = new HttpRequestMessage(HttpMethod.Post, "/ProcessWork") { Content = Json(QueuePayload(JsonValue.Create(item.ToJson()).ToJsonString())) };
        request.Headers.Add("X-Azure-Functions-InvocationId", "inv-42");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"Outputs":{},"Logs":[],"ReturnValue":null}""", await response.Content.ReadAsStringAsync());
        var (seen, context) = Assert.Single(handler.Calls);
        Assert.Equal(item.Id, seen.Id);
        Assert.Equal(("800ae4b3-bdd2-4c08-badd-f08e5a34b865", 3L, "inv-42"), (context.MessageId, context.DequeueCount, context.InvocationId));
    }

    [Fact]
    public async Task PostProcessWork_QueueMessageStillBase64_IsDecoded()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher);
        var (app, http) = await StartAsync(s => s.AddSingleton<IWorkItemHandler>(handler));
        await using var _ = app;
        var item = WorkItem.For("voucher:US001:7");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(item.ToJson()));

        var response = await http.PostAsync("/ProcessWork", Json(QueuePayload($"\"{base64}\"")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(item.Id, Assert.Single(handler.Calls).Item.Id);
    }

    [Fact]
    public async Task PostProcessWork_QueueMessageAsJsonObject_IsTakenAsItsText()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher);
        var (app, http) = await StartAsync(s => s.AddSingleton<IWorkItemHandler>(handler));
        await using var _ = app;
        var item = WorkItem.For("voucher:US001:8");

        var response = await http.PostAsync("/ProcessWork", Json(QueuePayload(item.ToJson())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(item.Id, Assert.Single(handler.Calls).Item.Id);
    }

    [Fact]
    public async Task PostProcessWork_HandlerThrows_Answers500WithTheErrorInLogsSoTheHostRetries()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, (_, _, _) => throw new InvalidOperationException("storage unreachable"));
        var (app, http) = await StartAsync(s => s.AddSingleton<IWorkItemHandler>(handler));
        await using var _ = app;

        var response = await http.PostAsync("/ProcessWork", Json(QueuePayload(JsonValue.Create(WorkItem.For("voucher:US001:1").ToJson()).ToJsonString())));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("storage unreachable", (string)body["Logs"]![0]!);
        Assert.NotNull(body["Outputs"]);
    }

    [Fact]
    public async Task PostPollVouchers_TimerPayload_RunsStepWithPastDueFromPayload()
    {
        var poll = new PastDueRecordingPoll();
        var (app, http) = await StartAsync(s => s.AddSingleton<IVoucherPoll>(poll));
        await using var _ = app;
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
              "ScheduleStatus":{"Last":"2026-11-24T07:45:00+00:00","Next":"2026-11-24T08:00:00+00:00","LastUpdated":"2026-11-24T07:45:00.0310000+00:00"},
              "IsPastDue":true}},
             "Metadata":{"sys":{"MethodName":"PollVouchers","UtcNow":"2026-11-24T08:03:00.1Z","RandGuid":"1b2c"}}}
            """;

        var response = await http.PostAsync("/PollVouchers", Json(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(poll.Run!.IsPastDue);
        Assert.Equal(RunStatus.Succeeded, Assert.Single(await app.Services.GetRequiredService<RunStore>().ListRecentAsync()).Status);
    }

    [Fact]
    public async Task PostPollVouchers_NoStepRegistered_Answers500NotConfigured()
    {
        var (app, http) = await StartAsync(_ => { });
        await using var _ = app;

        var response = await http.PostAsync("/PollVouchers", Json("""{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{}}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("PollVouchers is not configured", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForwardedWebhook_RawBody_ReachesReceiverByteForByteWithHeaders()
    {
        var webhook = new CapturingWebhook();
        var (app, http) = await StartAsync(s => s.AddSingleton<IBillWebhookReceiver>(webhook));
        await using var _ = app;
        // Odd spacing and key order: re-serializing would change the bytes and break the signature.
        var body = Encoding.UTF8.GetBytes("{ \"event\" :{\"type\":\"payment.updated\"},  \"id\":\"evt 1\" }\n");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bill/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-bill-sha-signature", "c2lnbmF0dXJl");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", await response.Content.ReadAsStringAsync());
        Assert.Equal(body, webhook.Received!.Body.ToArray());
        Assert.Equal("c2lnbmF0dXJl", webhook.Received.Headers["X-Bill-Sha-Signature"]);
    }

    [Fact]
    public async Task ForwardedWebhook_NoReceiverRegistered_Answers503()
    {
        var (app, http) = await StartAsync(_ => { });
        await using var _ = app;

        var response = await http.PostAsync("/api/bill/webhook", Json("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("BillWebhook is not configured", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForwardedOps_RunsApi_AnswersJsonWithoutOwnKeyCheck()
    {
        var (app, http) = await StartAsync(_ => { });
        await using var _ = app;
        await app.Services.GetRequiredService<RunStore>().StartAsync("PollVouchers");

        var runs = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/runs"))!.AsArray();

        Assert.Equal("PollVouchers", (string)Assert.Single(runs)!["function"]!);
        Assert.Equal("running", (string)runs[0]!["status"]!);
    }
}

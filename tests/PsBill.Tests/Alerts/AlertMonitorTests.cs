using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Alerts;
using PsBill.Connector.Alerts.Health;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Tests.Bill.Support;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Reconciliation;

namespace PsBill.Tests.Alerts;

/// <summary>Alerts reach a real incoming-webhook receiver on 127.0.0.1, once per cause per interval, stored on Azurite.</summary>
public sealed class AlertMonitorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string FailedKey = "voucher:US001:0000000042";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckAsync_FailedItemAndSyncLag_EachAlertedOncePerInterval()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new FakeTimeProvider(Now.AddHours(-2));
        await using var services = await Services(receiver.Url, "Teams", time);
        var runs = services.GetRequiredService<RunStore>();
        await RunAsync(runs, "PollVouchers"); // two hours ago: past its 1-hour limit
        time.SetUtcNow(Now);
        foreach (var flow in new[] { "SyncReferenceData", "PollSuppliers", "PollPayments" }) await RunAsync(runs, flow);
        var ledger = services.GetRequiredService<LedgerStore>();
        var intent = await ledger.TryInsertIntentAsync(FailedKey, "hash", "run-1");
        await ledger.UpdateAsync(intent.Entry with { State = LedgerState.Failed, ParkedReason = "gave up after 48 retries" });
        var monitor = services.GetRequiredService<AlertMonitor>();

        var first = await monitor.CheckAsync();
        var again = await monitor.CheckAsync();

        Assert.Equal(["failed:" + FailedKey, "lag:PollVouchers"], first.Select(a => a.Cause).Order(StringComparer.Ordinal));
        Assert.Empty(again);
        var bodies = receiver.Received.Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        Assert.Equal(2, bodies.Count);
        var failed = Assert.Single(bodies, b => b.Contains(FailedKey, StringComparison.Ordinal));
        Assert.Contains("gave up after 48 retries", failed);
        var lag = Assert.Single(bodies, b => b.Contains("PollVouchers", StringComparison.Ordinal));
        Assert.Contains("120 minutes", lag);
        foreach (var body in bodies)
        {
            using var card = JsonDocument.Parse(body);
            Assert.Equal("MessageCard", card.RootElement.GetProperty("@type").GetString());
            Assert.Equal("https://psbill.example.com/api/ops", card.RootElement.GetProperty("potentialAction")[0].GetProperty("targets")[0].GetProperty("uri").GetString());
        }

        time.Advance(TimeSpan.FromMinutes(61));
        foreach (var flow in new[] { "SyncReferenceData", "PollSuppliers", "PollPayments" }) await RunAsync(runs, flow);
        var nextInterval = await monitor.CheckAsync();
        Assert.Equal(["failed:" + FailedKey, "lag:PollVouchers"], nextInterval.Select(a => a.Cause).Order(StringComparer.Ordinal));
        Assert.Equal(4, receiver.Received.Count);
    }

    [Fact]
    public async Task CheckAsync_SlackFormatAndParkedGrowth_SlackTextWithLink()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var services = await Services(receiver.Url, "Slack", time);
        var runs = services.GetRequiredService<RunStore>();
        foreach (var flow in new[] { "SyncReferenceData", "PollSuppliers", "PollVouchers", "PollPayments" }) await RunAsync(runs, flow);
        var monitor = services.GetRequiredService<AlertMonitor>();
        Assert.Empty(await monitor.CheckAsync()); // healthy, nothing parked: nothing to say
        var ledger = services.GetRequiredService<LedgerStore>();
        var intent = await ledger.TryInsertIntentAsync("voucher:US001:0000000043", "hash", "run-1");
        await ledger.UpdateAsync(intent.Entry with { State = LedgerState.Parked, ParkedReason = "account 679000 has no BILL mapping" });

        var sent = await monitor.CheckAsync();

        Assert.Equal("parked-growing", Assert.Single(sent).Cause);
        using var message = JsonDocument.Parse(Assert.Single(receiver.Received).Body);
        var text = message.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("from 0 to 1", text);
        Assert.Contains("<https://psbill.example.com/api/ops|", text);
        var health = await services.GetRequiredService<HealthService>().CheckAsync();
        Assert.True(health.Healthy);
        Assert.Equal(4, health.Flows.Count);
    }

    [Fact]
    public async Task CheckAsync_StoredTieOuts_UnexplainedNamesTheVoucherThenAFailedOneIsItsOwnCause()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var services = await Services(receiver.Url, "Slack", time);
        var runs = services.GetRequiredService<RunStore>();
        foreach (var flow in new[] { "SyncReferenceData", "PollSuppliers", "PollVouchers", "PollPayments" }) await RunAsync(runs, flow);
        var store = services.GetRequiredService<TieOutStore>();
        var monitor = services.GetRequiredService<AlertMonitor>();
        await StoredTieOuts.SeedAsync(store, Now, thenFail: false);

        var unexplained = await monitor.CheckAsync();
        time.Advance(TimeSpan.FromMinutes(15)); // the next payment cycle's tie-out, newer than the first
        await store.SaveFailureAsync("run-9", "PeopleSoft could not be read: 503");
        var failed = await monitor.CheckAsync();
        var again = await monitor.CheckAsync();

        Assert.Equal("tieout-unexplained", Assert.Single(unexplained).Cause);
        Assert.Contains(StoredTieOuts.UnexplainedVoucher, unexplained[0].Text, StringComparison.Ordinal);
        Assert.Contains("edited in BILL by hand", unexplained[0].Text, StringComparison.Ordinal);
        Assert.Equal("tieout-failed", Assert.Single(failed).Cause);
        Assert.Contains("PeopleSoft could not be read: 503", failed[0].Text, StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Equal(2, receiver.Received.Count);
    }

    private static async Task RunAsync(RunStore runs, string flow)
    {
        var run = await runs.StartAsync(flow);
        await runs.CompleteAsync(run.Id, RunCounts.None);
    }

    private Task<ServiceProvider> Services(string webhookUrl, string format, TimeProvider time)
    {
        var configuration = TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), new Dictionary<string, string?>
        {
            ["PsBill:Alerts:WebhookUrl"] = webhookUrl,
            ["PsBill:Alerts:WebhookFormat"] = format,
            ["PsBill:Alerts:OpsPageUrl"] = "https://psbill.example.com/api/ops",
            ["PsBill:Alerts:Interval"] = "01:00:00",
        });
        return TestServices.CreateAsync(azurite, configure: s =>
        {
            s.AddSingleton(time);
            s.AddPsBillAlerts(configuration);
        }, configuration: configuration);
    }
}

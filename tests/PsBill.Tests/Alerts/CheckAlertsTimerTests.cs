using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Connector.Storage.Ledger;
using PsBill.Tests.Bill.Support;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;

namespace PsBill.Tests.Alerts;

/// <summary>The CheckAlerts timer of <c>psbill run</c>, firing every second, sends a failed item and each lagging flow to a local
/// webhook receiver once, however often it runs.</summary>
public sealed class CheckAlertsTimerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string FailedKey = "voucher:US001:0000000077";

    [Fact]
    public async Task CheckAlerts_EverySecond_SendsTheFailedItemAndEachLaggingFlowOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var host = StandaloneHost.Create(Hosting.TestSettings.For(azurite, AzuriteFixture.UniquePrefix(),
        [
            new("PsBill:Standalone:RunTimers", "true"),
            new("PsBill:Schedules:CheckAlerts", "* * * * * *"),
            new("PsBill:Alerts:WebhookUrl", receiver.Url),
            new("PsBill:Alerts:WebhookFormat", "Slack"),
            new("PsBill:Alerts:OpsPageUrl", "https://psbill.example.com/api/ops"),
        ]));
        await using var _ = host;
        // The start creates the tables; a tick before the failed row is written sends the lag alerts, a later one the item.
        await host.StartAsync();
        var ledger = host.Services.GetRequiredService<LedgerStore>();
        var intent = await ledger.TryInsertIntentAsync(FailedKey, "hash", "run-1");
        await ledger.UpdateAsync(intent.Entry with { State = LedgerState.Failed, ParkedReason = "BILL refused the bill: vendor inactive" });
        var expected = FunctionNames.Flows.Count + 1; // no flow ever ran: each lags

        Assert.True(await Hosting.Eventually.TrueAsync(() => receiver.Received.Count >= expected, TimeSpan.FromSeconds(30)), $"received {receiver.Received.Count} of {expected}");
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more ticks

        var texts = receiver.Received.Select(r => (string)JsonNode.Parse(r.Body)!["text"]!).ToList();
        Assert.Equal(expected, texts.Count);
        var failed = Assert.Single(texts, t => t.Contains(FailedKey, StringComparison.Ordinal));
        Assert.Contains("vendor inactive", failed, StringComparison.Ordinal);
        foreach (var flow in FunctionNames.Flows)
            Assert.Single(texts, t => t.Contains($"{flow} is behind", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("<https://psbill.example.com/api/ops|", t, StringComparison.Ordinal));
        await host.StopAsync();
    }
}

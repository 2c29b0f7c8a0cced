using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Connector.Credentials;
using PsBill.Connector.Settlement.Webhooks;
using PsBill.Sandbox.Settlement;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Settlement.Support;

namespace PsBill.Tests.Settlement.Webhooks;

/// <summary>BillWebhook over real HTTP on the standalone host: signature first, size limit, dedup, one settlement orchestration.</summary>
public sealed class BillWebhookReceiverTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ReceiveAsync_ForgedAlteredOrUnsigned_Returns401AndChangesNothing()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        const string key = "the-security-key";
        await host.Secrets.SetAsync(SecretNames.WebhookSecurityKey, key);
        var bill = (await host.SeedBillsAsync(120.00m))[0];
        var paymentId = "stp" + Guid.NewGuid().ToString("N")[..12];

        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);
        var eventId = "evt-" + Guid.NewGuid().ToString("N");
        var genuine = Notifications.PaymentUpdated(paymentId, bill.BillId, 120.00m, eventId: eventId);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine).Replace("120.00", "999.00", StringComparison.Ordinal).Replace("120", "999", StringComparison.Ordinal));
        Assert.NotEqual(genuine, altered);

        Assert.Equal(401, await relay.SendAsync(genuine, null));
        Assert.Equal(401, await relay.SendAsync(genuine, ""));
        Assert.Equal(401, await relay.SendAsync(genuine, WebhookSignatureVerifier.Sign(genuine, "not-the-key")));
        Assert.Equal(401, await relay.SendAsync(altered, WebhookSignatureVerifier.Sign(genuine, key)));
        Assert.Equal(401, await relay.SendAsync(genuine, "bm90IGEgc2lnbmF0dXJl"));

        var events = host.Services.GetRequiredService<WebhookEventStore>();
        Assert.Equal(0, await events.GetDeliveriesAsync(eventId));
        Assert.Equal(0, await host.SettlementsStartedAsync());
        Assert.Empty(host.PeopleSoft.GetPayments());
        Assert.Null(await host.Ledger.GetAsync($"payment:{paymentId}:{bill.BillId}"));

        // The same body correctly signed is accepted: the refusals above were the signature's doing.
        Assert.Equal(200, await relay.SendAsync(genuine, WebhookSignatureVerifier.Sign(genuine, key)));
        Assert.Equal(1, await events.GetDeliveriesAsync(eventId));
        Assert.Equal(1, await host.SettlementsStartedAsync());
    }

    [Fact]
    public async Task ReceiveAsync_BodyOverLimit_Returns413AndStoresNothing()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var key = await host.Secrets.GetAsync(SecretNames.WebhookSecurityKey);
        var padding = new string(' ', 300 * 1024);
        var body = Encoding.UTF8.GetBytes("{\"metadata\":{\"eventId\":\"big\",\"eventType\":\"payment.updated\"},\"payment\":{\"id\":\"stp1\"}" + padding + "}");
        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);

        Assert.Equal(413, await relay.SendAsync(body, WebhookSignatureVerifier.Sign(body, key)));
        Assert.Equal(0, await host.Services.GetRequiredService<WebhookEventStore>().GetDeliveriesAsync("big"));
    }

    [Fact]
    public async Task ReceiveAsync_ChunkedBodyOverLimitOrAnEventTypeItDoesNotSettle_RefusedOrIgnored()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var key = await host.Secrets.GetAsync(SecretNames.WebhookSecurityKey);
        using var http = new HttpClient();

        // No Content-Length (chunked): the limit is kept while reading.
        var big = new byte[300 * 1024];
        using var chunked = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = new StreamContent(new MemoryStream(big)) };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.Add(WebhookSignatureVerifier.SignatureHeader, WebhookSignatureVerifier.Sign(big, key));
        var refused = await http.SendAsync(chunked);

        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);
        var hacked = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Notifications.PaymentUpdated("stp-hack", "00n-hack", 10m, eventId: "evt-hack")).Replace("payment.updated", "payment.hacked", StringComparison.Ordinal));
        var ignored = await relay.SendAsync(hacked, WebhookSignatureVerifier.Sign(hacked, key));

        Assert.Equal(413, (int)refused.StatusCode);
        Assert.Equal(200, ignored);
        Assert.Equal(0, await host.SettlementsStartedAsync());
    }

    [Fact]
    public async Task ReceiveAsync_SignedWithPreviousKeyDuringRotation_Accepted()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.Secrets.SetAsync(SecretNames.WebhookSecurityKey, "new-key");
        await host.Secrets.SetAsync(SecretNames.WebhookPreviousSecurityKey, "old-key");
        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);
        var body = Notifications.PaymentUpdated("stp-rotation", "00n-rotation", 10m);

        Assert.Equal(200, await relay.SendAsync(body, WebhookSignatureVerifier.Sign(body, "old-key")));
        var other = Notifications.PaymentUpdated("stp-rotation", "00n-rotation", 10m);
        Assert.Equal(200, await relay.SendAsync(other, WebhookSignatureVerifier.Sign(other, "new-key")));
        var third = Notifications.PaymentUpdated("stp-rotation", "00n-rotation", 10m);
        Assert.Equal(401, await relay.SendAsync(third, WebhookSignatureVerifier.Sign(third, "older-key")));
    }

    [Fact]
    public async Task ReceiveAsync_SameEventTwice_StartsOneSettlement()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var key = await host.Secrets.GetAsync(SecretNames.WebhookSecurityKey);
        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);
        var body = Notifications.PaymentUpdated("stp-dup", "00n-dup", 10m, eventId: "evt-dup");

        Assert.Equal(200, await relay.SendAsync(body, WebhookSignatureVerifier.Sign(body, key)));
        Assert.Equal(200, await relay.SendAsync(body, WebhookSignatureVerifier.Sign(body, key)));

        Assert.Equal(2, await host.Services.GetRequiredService<WebhookEventStore>().GetDeliveriesAsync("evt-dup"));
        Assert.Equal(1, await host.SettlementsStartedAsync());
    }

    [Fact]
    public async Task SubscribeAsync_CalledTwice_OneSubscriptionAndKeyKept()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        var first = await host.SubscribeAsync();
        var key = await host.Secrets.GetAsync(SecretNames.WebhookSecurityKey);
        var second = await host.SubscribeAsync();

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.SubscriptionId, second.SubscriptionId);
        Assert.Equal(key, await host.Secrets.GetAsync(SecretNames.WebhookSecurityKey));
        var subscriptions = new List<WebhookSubscription>();
        await foreach (var s in host.BillClient.ListSubscriptionsAsync()) subscriptions.Add(s);
        var only = Assert.Single(subscriptions);
        Assert.Equal(new[] { WebhookEventType.PaymentUpdated, WebhookEventType.PaymentFailed }, only.Events!.Select(e => e.Type ?? "").ToArray());
    }
}

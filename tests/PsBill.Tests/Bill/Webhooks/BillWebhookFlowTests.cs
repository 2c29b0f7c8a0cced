using System.Text;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Bill.Webhooks;

/// <summary>Subscriptions made through the client, notifications sent by the simulator, verified by the connector.</summary>
public sealed class BillWebhookFlowTests
{
    private static readonly BillSimulatorOptions FastRetries = new() { WebhookRetryDelays = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)] };

    [Fact]
    public async Task PayAsync_PaymentClears_SubscriberGetsAVerifiablePaymentUpdated()
    {
        await using var simulator = await BillSimulator.StartAsync(FastRetries);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        var subscription = await host.Client.CreateSubscriptionAsync(PaymentUpdates(receiver.Url), Guid.NewGuid());
        var samples = new BillSamples(simulator);
        var vendorId = simulator.AddVendor("Acme");
        var first = await host.Client.CreateBillAsync(samples.Bill(vendorId, "INV-1", 100m));
        var second = await host.Client.CreateBillAsync(samples.Bill(vendorId, "INV-2", 50m));

        var payment = await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(first.Id!), new(second.Id!, 20m)] });
        await simulator.WaitForWebhooksAsync();

        var notification = Assert.Single(receiver.Received);
        Assert.True(WebhookSignatureVerifier.Verify(notification.Body, notification.Signature, [subscription.SecurityKey]));
        var parsed = BillWebhookEvent.Parse(notification.Body);
        Assert.Equal("payment.updated", parsed.Metadata?.EventType);
        Assert.Equal(payment.Id, parsed.Payment?.Id);
        Assert.Equal(PaymentSingleStatus.Cleared, parsed.Payment?.SingleStatus);
        Assert.Equal(2, parsed.Payment?.BillPayments?.Count);
        Assert.Equal(BillPaymentStatus.Paid, (await host.Client.GetBillAsync(first.Id!)).PaymentStatus);
        Assert.Equal(BillPaymentStatus.Partial, (await host.Client.GetBillAsync(second.Id!)).PaymentStatus);
        var polled = await host.Client.ListPaymentsUpdatedAsync(DateTimeOffset.UnixEpoch).ToListAsync();
        Assert.Equal(payment.Id, Assert.Single(polled).Id);
    }

    [Fact]
    public async Task PayAsync_ReceiverFailsTwice_BillRetriesUntilA200()
    {
        await using var simulator = await BillSimulator.StartAsync(FastRetries);
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        await using var host = BillTestHost.Create(simulator);
        await host.Client.CreateSubscriptionAsync(PaymentUpdates(receiver.Url), Guid.NewGuid());
        var billId = (await host.Client.CreateBillAsync(new BillSamples(simulator).Bill(simulator.AddVendor("Acme"), "INV-1"))).Id!;

        await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId)] });
        await simulator.WaitForWebhooksAsync();

        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct()); // the same event each time
        Assert.Equal(1, simulator.GetFigures().WebhooksDelivered);
        Assert.Equal(3, simulator.GetFigures().WebhookAttempts);
    }

    [Fact]
    public async Task VoidPaymentAsync_ClearedPayment_BillIsUnpaidAgainAndSubscriberIsTold()
    {
        await using var simulator = await BillSimulator.StartAsync(FastRetries);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        await host.Client.CreateSubscriptionAsync(PaymentUpdates(receiver.Url), Guid.NewGuid());
        var billId = (await host.Client.CreateBillAsync(new BillSamples(simulator).Bill(simulator.AddVendor("Acme"), "INV-1"))).Id!;
        var payment = await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId)] });

        await simulator.VoidPaymentAsync(payment.Id);
        await simulator.WaitForWebhooksAsync();

        // Notifications may arrive in either order (as BILL warns): compare as a set.
        var statuses = receiver.Received.Select(r => BillWebhookEvent.Parse(r.Body).Payment?.SingleStatus).Order().ToList();
        Assert.Equal([PaymentSingleStatus.Cleared, PaymentSingleStatus.Voided], statuses);
        var bill = await host.Client.GetBillAsync(billId);
        Assert.Equal(BillPaymentStatus.Unpaid, bill.PaymentStatus);
        Assert.Equal(PaymentSingleStatus.Voided, (await host.Client.GetPaymentAsync(payment.Id)).SingleStatus);
    }

    [Fact]
    public async Task RotateSecurityKeyAsync_NextNotification_VerifiesWithTheNewKeyOnly()
    {
        await using var simulator = await BillSimulator.StartAsync(FastRetries);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        var subscription = await host.Client.CreateSubscriptionAsync(PaymentUpdates(receiver.Url), Guid.NewGuid());

        var newKey = await host.Client.RotateSecurityKeyAsync(subscription.Id!, Guid.NewGuid());
        var test = await host.Client.SendTestEventAsync(subscription.Id!, new WebhookTestEventRequest { EventType = "payment.updated", Version = "1" });

        var notification = Assert.Single(receiver.Received);
        Assert.Equal(200, test.StatusCode);
        Assert.NotEqual(subscription.SecurityKey, newKey);
        Assert.True(WebhookSignatureVerifier.Verify(notification.Body, notification.Signature, [newKey, subscription.SecurityKey]));
        Assert.False(WebhookSignatureVerifier.Verify(notification.Body, notification.Signature, [subscription.SecurityKey]));
    }

    [Fact]
    public async Task CreateSubscriptionAsync_SameIdempotencyKeyTwice_CreatesOneSubscription()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        var key = Guid.NewGuid();

        var first = await host.Client.CreateSubscriptionAsync(PaymentUpdates("https://psbill.example.test/bill-webhook"), key);
        var again = await host.Client.CreateSubscriptionAsync(PaymentUpdates("https://psbill.example.test/bill-webhook"), key);
        var listed = await host.Client.ListSubscriptionsAsync().ToListAsync();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.SecurityKey, again.SecurityKey);
        Assert.Single(listed);
        Assert.Null(listed[0].SecurityKey); // shown once, at creation
        Assert.Equal("payment.updated", listed[0].Events?.Single().Type);
    }

    private static WebhookSubscriptionRequest PaymentUpdates(string url) => new()
    {
        Name = "PsBill payments",
        NotificationUrl = url,
        Events = [new WebhookEventType { Type = WebhookEventType.PaymentUpdated, Version = "1" }],
    };
}

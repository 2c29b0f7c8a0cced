using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.PeopleSoft;
using PsBill.Tests.Settlement.Support;

namespace PsBill.Tests.Settlement;

/// <summary><see cref="PaymentSettler"/> on its own (as a Durable activity will call it), against the PeopleSoft simulator
/// and Azurite: both CI shapes, gateway trouble, a ledger that lost its rows, and replays racing deliveries.</summary>
public sealed class PaymentSettlerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [MemberData(nameof(PeopleSoftWriterShapeTests.Shapes), MemberType = typeof(PeopleSoftWriterShapeTests))]
    public async Task SettleAsync_EachPaymentCiShape_EveryClearedPaymentPostedOnce(string shape)
    {
        await using var harness = await SettlerHarness.StartAsync(azurite.ConnectionString,
            paymentShape: shape == "Create/flat" ? PaymentCiShape.CreateFlat : PaymentCiShape.UpdateDataCollection,
            configure: options => PeopleSoftWriterShapeTests.Configure(options, shape));
        var bills = await harness.BillsAsync(12);

        var results = await harness.SettleUntilSettledAsync(bills.Select(harness.Cleared).ToList());

        Assert.All(results, r => Assert.Equal(AllocationResultKind.Posted, r.Kind));
        foreach (var bill in bills)
        {
            var recorded = Assert.Single(harness.PaymentsOn(bill));
            Assert.Equal((bill.Amount, "R", "P"), (recorded.Amount, recorded.Action, recorded.Status));
        }
        Assert.Equal(0, harness.PeopleSoft.GetFigures().DuplicatePayments);
    }

    [Fact]
    public async Task SettleAsync_LedgerSettlementRowsDeletedAfterPosting_SecondCyclePostsNothing()
    {
        await using var harness = await SettlerHarness.StartAsync(azurite.ConnectionString);
        var bills = await harness.BillsAsync(8);
        var payments = bills.Select(harness.Cleared).ToList();
        await harness.SettleUntilSettledAsync(payments);
        Assert.Equal(8, harness.PeopleSoft.GetPayments().Count);

        // Storage restored from before the postings: the ledger forgot every settlement row.
        var ledger = harness.Storage.Table(StorageNames.Tables.Ledger);
        var deleted = 0;
        await foreach (var row in ledger.QueryAsync<TableEntity>(e => e.PartitionKey == "payment"))
        {
            await ledger.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            deleted++;
        }
        Assert.Equal(8, deleted);

        var results = await harness.SettleUntilSettledAsync(payments);

        Assert.All(results, r => Assert.Equal(AllocationResultKind.Posted, r.Kind));
        Assert.Equal(8, harness.PeopleSoft.GetPayments().Count);
        Assert.Equal(0, harness.PeopleSoft.GetFigures().DuplicatePayments);
        var trail = await harness.Services.GetRequiredService<AuditTrail>().ReadAsync(results[0].Key);
        Assert.Contains(trail, step => step is { Step: "peoplesoft.lookup", Outcome: "found" });
        Assert.Equal(LedgerState.Done, (await harness.Ledger.GetAsync(results[0].Key))!.State);
    }

    [Fact]
    public async Task SettleAsync_TenPercentGateway500AndTenPercent503_EveryPaymentPostedExactlyOnceNoneParked()
    {
        await using var harness = await SettlerHarness.StartAsync(azurite.ConnectionString, vouchers: 80);
        var bills = await harness.BillsAsync(40);
        harness.PeopleSoft.Faults.ChaosGatewayFailureRate = 0.10; // IBResponse "application server not available", half of them after the CI ran
        harness.PeopleSoft.Faults.ChaosFailureRate = 0.10;        // 503 from the load balancer

        var results = await harness.SettleUntilSettledAsync(bills.Select(harness.Cleared).ToList());

        Assert.DoesNotContain(results, r => r.Kind == AllocationResultKind.Parked);
        Assert.All(results, r => Assert.Equal(AllocationResultKind.Posted, r.Kind));
        foreach (var bill in bills) Assert.Equal(bill.Amount, Assert.Single(harness.PaymentsOn(bill)).Amount);
        var figures = harness.PeopleSoft.GetFigures();
        Assert.Equal(0, figures.DuplicatePayments);
        Assert.True(figures.FaultsInjected >= 10, $"only {figures.FaultsInjected} faults were injected");
    }

    [Fact]
    public async Task SettleAsync_ReplayWhileADeliveryIsPosting_RespectsTheLiveClaimAndPostsOnce()
    {
        await using var harness = await SettlerHarness.StartAsync(azurite.ConnectionString);
        var bills = await harness.BillsAsync(6);
        var payments = bills.Select(harness.Cleared).ToList();
        // Slow answers, so the replay arrives while the delivery's look-up and post are in flight.
        harness.PeopleSoft.Faults.Latency = TimeSpan.FromMilliseconds(250);

        var deliveries = payments.Select(p => harness.NewSettler().SettleAsync(p, null, replay: false)).ToList();
        await Task.Delay(100);
        var replays = payments.Select(p => harness.NewSettler().SettleAsync(p, null, replay: true)).ToList();
        var replayed = await Task.WhenAll(replays);
        await Task.WhenAll(deliveries);

        Assert.All(replayed.SelectMany(r => r), r => Assert.Equal(AllocationResultKind.RetryLater, r.Kind));
        harness.PeopleSoft.Faults.Latency = TimeSpan.Zero;
        await harness.SettleUntilSettledAsync(payments, replay: true);
        foreach (var bill in bills) Assert.Single(harness.PaymentsOn(bill));
        Assert.Equal(0, harness.PeopleSoft.GetFigures().DuplicatePayments);
    }

    [Fact]
    public async Task SettleAsync_ConcurrentReplaysOfParkedAndInFlightPayments_EachRecordedOnce()
    {
        await using var harness = await SettlerHarness.StartAsync(azurite.ConnectionString);
        var bills = await harness.BillsAsync(10);
        var payments = bills.Select(harness.Cleared).ToList();
        // The first five park: their vouchers are not approved when the payments clear (the component refuses them).
        foreach (var bill in bills.Take(5)) harness.PeopleSoft.ChangeVoucher(bill.BusinessUnit, bill.VoucherId, v => v with { ApprovalStatus = "P" });
        var first = await harness.SettleUntilSettledAsync(payments.Take(5));
        Assert.All(first, r => Assert.Equal(AllocationResultKind.Parked, r.Kind));
        foreach (var bill in bills.Take(5)) harness.PeopleSoft.ApproveVoucher(bill.BusinessUnit, bill.VoucherId);
        harness.PeopleSoft.Faults.Latency = TimeSpan.FromMilliseconds(150);

        // Deliveries of the other five start; then two operators replay all ten at once, twice each, while they run.
        var calls = new List<Task<IReadOnlyList<AllocationResult>>>();
        calls.AddRange(payments.Skip(5).Select(p => harness.NewSettler().SettleAsync(p, null, replay: false)));
        await Task.Delay(50);
        for (var operatorRun = 0; operatorRun < 2; operatorRun++)
            calls.AddRange(payments.Select(p => harness.NewSettler().SettleAsync(p, null, replay: true)));
        await Task.WhenAll(calls);
        harness.PeopleSoft.Faults.Latency = TimeSpan.Zero;
        var settled = await harness.SettleUntilSettledAsync(payments, replay: true);

        Assert.All(settled, r => Assert.Contains(r.Kind, new[] { AllocationResultKind.Posted, AllocationResultKind.AlreadySettled }));
        foreach (var bill in bills) Assert.Equal(bill.Amount, Assert.Single(harness.PaymentsOn(bill)).Amount);
        Assert.Equal(0, harness.PeopleSoft.GetFigures().DuplicatePayments);
    }

    [Fact]
    public async Task SettleAsync_JournalOutcomeUnknown_ParkedWithInstructionsAndNoSecondJournal()
    {
        await using var harness = await SettlerHarness.StartAsync(azurite.ConnectionString, SettlementMode.Journal);
        var bill = (await harness.BillsAsync(1))[0];
        harness.PeopleSoft.Faults.FailNextWithGatewayError(1, PeopleSoftFaultTarget.ComponentInterfaces, afterWork: true);

        var results = await harness.SettleUntilSettledAsync([harness.Cleared(bill)]);

        var parked = Assert.Single(results);
        Assert.Equal(AllocationResultKind.Parked, parked.Kind);
        Assert.Contains("cannot be looked up", parked.Reason);
        Assert.Contains($"voucher {bill.BusinessUnit}/{bill.VoucherId}", parked.Reason);
        Assert.Single(harness.PeopleSoft.GetJournals());
    }
}

using PsBill.Connector.Storage.Runs;
using PsBill.Sandbox.World;
using PsBill.Workflows;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work.Steps;
using PsBill.Sandbox.Settlement;
using PsBill.Simulators.Bill;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Settlement.Support;

namespace PsBill.Tests.Settlement;

/// <summary>The settlement of BILL payments in RecordPayment mode, end to end: BILL's signed webhooks (through a relay
/// that can lose or repeat them), the host's queue listener, the PeopleSoft simulator's own records.</summary>
public sealed class PaymentSettlementHandlerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task HandleAsync_DuplicateDelivery_PostsOnce()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);
        await host.SubscribeAsync(relay.Url);
        var bill = (await host.SeedBillsAsync(310.45m))[0];
        relay.Plan(bill.BillId, WebhookDelivery.Twice);

        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] });
        await host.DrainAsync();

        Assert.Equal(1, relay.Duplicated);
        var recorded = Assert.Single(host.PaymentsOn(bill));
        Assert.Equal(310.45m, recorded.Amount);
        Assert.Equal("R", recorded.Action);
        Assert.Equal(0, host.PeopleSoft.GetFigures().DuplicatePayments);
        var row = await host.Ledger.GetAsync($"payment:{payment.Id}:{bill.BillId}");
        Assert.Equal(LedgerState.Done, row!.State);
        // The settlement starts no BillLane of its own: a settlement lane of the queue settled it.
        Assert.Equal(0, await host.LanesStartedAsync());
        Assert.InRange(await host.SettlementLanesStartedAsync(), 1, 2);

        // A replay by an operator does not post again either.
        await host.EnqueueAsync(payment.Id, bill.BillId, replay: true);
        await host.DrainAsync();
        Assert.Single(host.PaymentsOn(bill));
    }

    [Fact]
    public async Task HandleAsync_ABurstOfWebhooks_SettledInBatchesEachPaymentOnceWithinTheSlots()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var bills = await host.SeedBillsAsync(Enumerable.Range(1, 16).Select(n => 100m + n + 0.25m).ToArray());

        var payments = new List<string>();
        foreach (var bill in bills) payments.Add((await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] })).Id);
        await host.DrainAsync();

        foreach (var bill in bills) Assert.Equal(bill.Amount, Assert.Single(host.PaymentsOn(bill)).Amount);
        Assert.Equal(0, host.PeopleSoft.GetFigures().DuplicatePayments);
        Assert.Equal(16, await host.SettlementsStartedAsync());
        // Each payment kept its own settlement orchestration, but lanes took several waiting payments per slot hold.
        Assert.InRange(await host.SettlementLanesStartedAsync(), 1, 15);
        Assert.InRange(host.Bill.GetFigures().MaxConcurrentCalls, 1, 3);
        for (var i = 0; i < bills.Count; i++)
            Assert.Equal(LedgerState.Done, (await host.Ledger.GetAsync($"payment:{payments[i]}:{bills[i].BillId}"))!.State);
    }

    [Fact]
    public async Task PollAsync_LostWebhook_CaughtAndPostedOnce()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await using var relay = await WebhookRelay.StartAsync(host.WebhookUrl);
        await host.SubscribeAsync(relay.Url);
        var bills = await host.SeedBillsAsync(80.00m, 95.10m);
        relay.Plan(bills[0].BillId, WebhookDelivery.Lost);

        await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[0].BillId)] });
        await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[1].BillId)] });
        await host.DrainAsync();
        Assert.Equal(1, relay.Lost);
        Assert.Empty(host.PaymentsOn(bills[0]));
        Assert.Single(host.PaymentsOn(bills[1]));

        var flows = new FlowDriver(host.Services);
        await flows.RunAsync(FunctionNames.PollPayments, TimeSpan.FromMinutes(2));
        await host.DrainAsync();

        Assert.Equal(2, (await host.Services.GetRequiredService<RunStore>().ListRecentAsync(1, FunctionNames.PollPayments)).Single().Counts.Seen);
        Assert.Equal(80.00m, Assert.Single(host.PaymentsOn(bills[0])).Amount);
        Assert.Single(host.PaymentsOn(bills[1]));

        // A second poll finds nothing left to do.
        await flows.RunAsync(FunctionNames.PollPayments, TimeSpan.FromMinutes(2));
        await host.DrainAsync();
        Assert.Equal(2, host.PeopleSoft.GetPayments().Count);
    }

    [Fact]
    public async Task HandleAsync_PartialAndMultiBillPayments_PostRightAmountsToRightVouchers()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var bills = await host.SeedBillsAsync(100.00m, 250.50m, 75.25m);

        var first = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[0].BillId, 40.01m)] });
        await host.DrainAsync();
        var second = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[0].BillId, 59.99m)] });
        var multi = await host.Bill.PayAsync(new SimulatedPaymentRequest
        {
            Bills = [new SimulatedBillPayment(bills[1].BillId), new SimulatedBillPayment(bills[2].BillId)],
        });
        await host.DrainAsync();

        var onFirst = host.PaymentsOn(bills[0]).OrderBy(p => p.PaymentCount).ToList();
        Assert.Equal([40.01m, 59.99m], onFirst.Select(p => p.Amount).ToArray());
        var firstPayment = await host.BillClient.GetPaymentAsync(first.Id);
        var secondPayment = await host.BillClient.GetPaymentAsync(second.Id);
        Assert.Equal(new[] { firstPayment.ConfirmationNumber!, secondPayment.ConfirmationNumber! }, onFirst.Select(p => p.Reference).ToArray());
        Assert.Equal(250.50m, Assert.Single(host.PaymentsOn(bills[1])).Amount);
        Assert.Equal(75.25m, Assert.Single(host.PaymentsOn(bills[2])).Amount);
        var multiPayment = await host.BillClient.GetPaymentAsync(multi.Id);
        Assert.All(host.PaymentsOn(bills[1]).Concat(host.PaymentsOn(bills[2])), p => Assert.Equal(multiPayment.ConfirmationNumber, p.Reference));
        Assert.Equal(0, host.PeopleSoft.GetFigures().DuplicatePayments);
        Assert.Equal(LedgerState.Done, (await host.Ledger.GetAsync($"payment:{multi.Id}:{bills[2].BillId}"))!.State);
    }

    [Fact]
    public async Task HandleAsync_VoidAfterPosting_ReversesThePayment()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var bill = (await host.SeedBillsAsync(512.00m))[0];
        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] });
        await host.DrainAsync();
        Assert.Equal("P", Assert.Single(host.PaymentsOn(bill)).Status);

        await host.Bill.VoidPaymentAsync(payment.Id);
        await host.DrainAsync();

        var reversed = Assert.Single(host.PaymentsOn(bill));
        Assert.Equal("X", reversed.Action);
        Assert.Equal("V", reversed.Status);
        Assert.Equal(SettlementStates.Reversed, (await host.Ledger.GetAsync($"payment:{payment.Id}:{bill.BillId}"))!.State);
        Assert.Equal(1, host.PeopleSoft.GetFigures().PaymentReversals);
    }

    [Fact]
    public async Task HandleAsync_PaymentNotFinal_AuditedNotPostedUntilCleared()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var bill = (await host.SeedBillsAsync(64.00m))[0];
        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)], SingleStatus = "SCHEDULED" });
        await host.DrainAsync();
        await host.Bill.SetPaymentStatusAsync(payment.Id, "FUNDING_SOMETHING_NEW");
        await host.DrainAsync();

        var key = $"payment:{payment.Id}:{bill.BillId}";
        Assert.Empty(host.PaymentsOn(bill));
        Assert.Null(await host.Ledger.GetAsync(key));
        var trail = await host.Audit.ReadAsync(key);
        Assert.Contains(trail, e => e.Step == "payment.pending" && e.Detail!.Contains("SCHEDULED", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Step == "payment.pending" && e.Detail!.Contains("does not know", StringComparison.Ordinal));

        await host.Bill.SetPaymentStatusAsync(payment.Id, "CLEARED");
        await host.DrainAsync();
        Assert.Equal(64.00m, Assert.Single(host.PaymentsOn(bill)).Amount);
    }

    [Fact]
    public async Task HandleAsync_IntentWhosePostingReachedPeopleSoft_AdoptsInsteadOfPostingAgain()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        var bill = (await host.SeedBillsAsync(42.42m))[0];
        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] });
        var read = await host.BillClient.GetPaymentAsync(payment.Id);
        var key = $"payment:{payment.Id}:{bill.BillId}";

        // An earlier attempt wrote its intent, posted, and crashed before recording the result.
        var posting = new SettlementPosting
        {
            PaymentId = payment.Id, BillId = bill.BillId, BusinessUnit = bill.BusinessUnit, VoucherId = bill.VoucherId, Amount = 42.42m,
            Reference = PaymentSettler.ReferenceOf(read), PaymentDate = read.ProcessDate!.Value, Method = "ACH",
            Mode = SettlementMode.RecordPayment, Operation = SettlementOperation.Post,
        };
        await host.Ledger.TryInsertIntentAsync(key, null, null, posting.ToJson());
        await host.Services.GetRequiredService<Connector.PeopleSoft.PeopleSoftWriter>().RecordVoucherPaymentAsync(
            new Connector.PeopleSoft.PeopleSoftPaymentRecord(bill.BusinessUnit, bill.VoucherId, "ACH", posting.Reference, posting.PaymentDate, 42.42m));

        await Task.Delay(TimeSpan.FromSeconds(1.2)); // past the claim timeout: the intent is an orphan now
        await host.EnqueueAsync(payment.Id, bill.BillId);
        await host.DrainAsync();

        Assert.Single(host.PaymentsOn(bill));
        Assert.Equal(LedgerState.Done, (await host.Ledger.GetAsync(key))!.State);
        Assert.Contains(await host.Audit.ReadAsync(key), e => e.Step == "peoplesoft.lookup" && e.Outcome == "found");
    }

    [Fact]
    public async Task HandleAsync_FreshIntentOfACrashedAttempt_WaitedOutWithinTheRetriesThenAdoptedNotFailed()
    {
        // A claim timeout far above what the retries cover at the shortest wait (8 x 1 s): the rule must stretch its waits
        // to the claim's expiry instead of spending every retry on a dead worker's intent. (Whole seconds: the task hub's
        // timers are queue messages, whose visibility delays are whole seconds.)
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["PsBill:Settlement:ClaimTimeout"] = "00:00:20",
            ["PsBill:Settlement:ClaimRetryDelay"] = "00:00:01",
            ["PsBill:Work:MaxRetries"] = "8",
        });
        var bill = (await host.SeedBillsAsync(77.70m))[0];
        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] });
        var read = await host.BillClient.GetPaymentAsync(payment.Id);
        var key = $"payment:{payment.Id}:{bill.BillId}";

        // A host wrote its intent, posted, and was killed before recording the result; a new host runs the item at once.
        var posting = new SettlementPosting
        {
            PaymentId = payment.Id, BillId = bill.BillId, BusinessUnit = bill.BusinessUnit, VoucherId = bill.VoucherId, Amount = 77.70m,
            Reference = PaymentSettler.ReferenceOf(read), PaymentDate = read.ProcessDate!.Value, Method = "ACH",
            Mode = SettlementMode.RecordPayment, Operation = SettlementOperation.Post,
        };
        await host.Ledger.TryInsertIntentAsync(key, null, null, posting.ToJson());
        await host.Services.GetRequiredService<Connector.PeopleSoft.PeopleSoftWriter>().RecordVoucherPaymentAsync(
            new Connector.PeopleSoft.PeopleSoftPaymentRecord(bill.BusinessUnit, bill.VoucherId, "ACH", posting.Reference, posting.PaymentDate, 77.70m));
        await host.EnqueueAsync(payment.Id, bill.BillId);
        await host.DrainAsync();

        var failed = new List<string>();
        await foreach (var item in host.Services.GetRequiredService<Connector.Storage.Failures.FailedItemStore>().ListAsync()) failed.Add($"{item.Key}: {item.Reason}");
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.Single(host.PaymentsOn(bill));
        Assert.Equal(LedgerState.Done, (await host.Ledger.GetAsync(key))!.State);
        Assert.Contains(await host.Audit.ReadAsync(key), e => e.Step == "peoplesoft.lookup" && e.Outcome == "found");
    }

    [Fact]
    public async Task HandleAsync_BillWithoutVoucher_ParkedWithReason()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        var bill = (await host.SeedBillsAsync(10.00m))[0];
        var stranger = await host.BillClient.CreateBillAsync(new Connector.Bill.Models.VendorBill
        {
            VendorId = host.Bill.GetBills().Single(b => b.Id == bill.BillId).VendorId,
            DueDate = new DateOnly(2026, 12, 31),
            Invoice = new Connector.Bill.Models.BillInvoice { InvoiceNumber = "NOT-FROM-PEOPLESOFT", InvoiceDate = new DateOnly(2026, 11, 1) },
            BillLineItems = [new Connector.Bill.Models.BillLineItem
            {
                Amount = 5m, Description = "x",
                Classifications = new Connector.Bill.Models.LineClassifications { ChartOfAccountId = host.AccountId, DepartmentId = host.DepartmentId },
            }],
        });
        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(stranger.Id!)] });

        await host.EnqueueAsync(payment.Id, stranger.Id!);
        await host.DrainAsync();

        var row = await host.Ledger.GetAsync($"payment:{payment.Id}:{stranger.Id}");
        Assert.Equal(LedgerState.Parked, row!.State);
        Assert.Contains("no PeopleSoft voucher", row.ParkedReason, StringComparison.Ordinal);
        Assert.Empty(host.PeopleSoft.GetPayments());
    }

    [Fact]
    public async Task HandleAsync_PeopleSoftFailingIntermittently_EachAllocationPostedOnce()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString);
        await host.SubscribeAsync();
        var bills = await host.SeedBillsAsync(11.11m, 22.22m, 33.33m, 44.44m, 55.55m, 66.66m);
        host.PeopleSoft.Faults.FailNext(3, 502, PsBill.Simulators.PeopleSoft.PeopleSoftFaultTarget.ComponentInterfaces);
        host.PeopleSoft.Faults.ChaosFailureRate = 0.3;

        foreach (var bill in bills.Take(4))
            await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] });
        await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[4].BillId), new SimulatedBillPayment(bills[5].BillId)] });
        await host.DrainAsync();
        host.PeopleSoft.Faults.ChaosFailureRate = 0;

        Assert.True(host.PeopleSoft.GetFigures().FaultsInjected > 3);
        foreach (var bill in bills) Assert.Equal(bill.Amount, Assert.Single(host.PaymentsOn(bill)).Amount);
        Assert.Equal(0, host.PeopleSoft.GetFigures().DuplicatePayments);
    }
}

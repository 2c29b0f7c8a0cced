using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Connector.Settlement;
using PsBill.Connector.Settlement.Webhooks;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Sandbox.World;
using PsBill.Workflows;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Sandbox.Settlement;

/// <summary>
/// The sandbox's payment phase, run after the bills exist in BILL (ledger rows <c>voucher:...</c> done with the bill
/// id). It subscribes the connector to BILL's payment webhooks through a <see cref="WebhookRelay"/>, has the simulated
/// BILL pay a share of the bills (in full, in two parts, several bills at once, some voided after clearing, some left
/// scheduled) while the relay loses some notifications and delivers some twice, sends forged, altered and unsigned
/// notifications, runs PollPayments, waits for the settlement orchestrations, and reads the figures from the PeopleSoft
/// simulator's own state.
/// </summary>
/// <remarks>
/// The host must have settlement registered (<c>AddPsBillSettlement</c>) in <c>RecordPayment</c> mode, and short retry
/// delays (<c>PsBill:Settlement:ClaimRetryDelay</c>, <c>PsBill:Settlement:RetryDelay</c>) so the phase finishes in seconds.
/// </remarks>
public sealed class PaymentPhase(BillSimulator bill, PeopleSoftSimulator peopleSoft, StandaloneHost host, PaymentPhaseOptions? options = null)
{
    /// <summary>
    /// The phase's own calls into the connector (subscribing, the PollPayments run) outlast what the client's pipeline
    /// absorbs under <c>--faults chaos</c> (a BDC_1322 burst every two seconds): they are tried again here, with backoff,
    /// instead of ending the sandbox run. Failures that are not BILL's passing refusals still end it.
    /// </summary>
    private static readonly ResiliencePipeline Patience = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<BillApiException>(ex => ex.Kind is BillFailureKind.RateLimited or BillFailureKind.Transient
                or BillFailureKind.SessionExpired or BillFailureKind.QuotaExceeded),
            MaxRetryAttempts = 8,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
            UseJitter = true,
        })
        .Build();

    private readonly PaymentPhaseOptions _options = options ?? new PaymentPhaseOptions();

    /// <summary>Runs the phase; see the class summary.</summary>
    public async Task<PaymentPhaseResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var services = host.Services;
        var flows = new FlowDriver(services);
        await using var relay = await WebhookRelay.StartAsync(new Uri(host.BaseAddress, "api/bill/webhook"), cancellationToken).ConfigureAwait(false);
        var subscriber = services.GetRequiredService<WebhookSubscriber>();
        await Patience.ExecuteAsync(async token => await subscriber.SubscribeAsync(relay.Url, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

        var plan = PaymentPlan.Make(await PayableBillsAsync(services, cancellationToken).ConfigureAwait(false), _options);
        var step = TimeProvider.System.GetTimestamp();
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        void StepDone(string name)
        {
            steps[name] = Math.Round(TimeProvider.System.GetElapsedTime(step).TotalSeconds, 1);
            step = TimeProvider.System.GetTimestamp();
        }

        // 1. Pay: every planned payment, each notification relayed as planned.
        foreach (var payment in plan)
        {
            foreach (var part in payment.Bills) relay.Plan(part.BillId, payment.Delivery);
            var made = await bill.PayAsync(new SimulatedPaymentRequest { Bills = payment.Bills, SingleStatus = payment.Pending ? "SCHEDULED" : "CLEARED" }).ConfigureAwait(false);
            payment.PaymentId = made.Id;
        }
        await SettleAsync(flows, cancellationToken).ConfigureAwait(false);
        StepDone("pay_and_settle");

        // 2. Void what cleared and settled; pay the rest of the bills paid in part.
        var secondParts = 0;
        foreach (var payment in plan)
        {
            if (payment.VoidAfterClearing)
            {
                foreach (var part in payment.Bills) relay.Plan(part.BillId, WebhookDelivery.Once);
                await bill.VoidPaymentAsync(payment.PaymentId!, "Vendor bank account closed").ConfigureAwait(false);
            }
            if (payment.SecondPart is { } rest)
            {
                relay.Plan(rest.BillId, WebhookDelivery.Once);
                await bill.PayAsync(new SimulatedPaymentRequest { Bills = [rest] }).ConfigureAwait(false);
                secondParts++;
            }
        }
        await SettleAsync(flows, cancellationToken).ConfigureAwait(false);
        StepDone("void_and_second_parts");

        // 3. Forgeries: none of them may change anything.
        var (forged, refused) = await SendForgeriesAsync(relay, cancellationToken).ConfigureAwait(false);
        StepDone("forgeries");

        // 4. The safety net: PollPayments finds what the lost notifications did not bring.
        await flows.RunAsync(FunctionNames.PollPayments, _options.DrainTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        await flows.WaitForIdleAsync(_options.DrainTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        StepDone("poll_payments");

        var figures = peopleSoft.GetFigures();
        var parked = 0;
        await foreach (var row in services.GetRequiredService<LedgerStore>().QueryByKindAsync(WorkItemKind.Payment.Value, cancellationToken).ConfigureAwait(false))
            if (row.State == LedgerState.Parked) parked++;

        var cleared = plan.Where(p => !p.Pending).ToList();
        return new PaymentPhaseResult
        {
            PaymentsMade = plan.Count + secondParts,
            ClearedAllocations = cleared.Sum(p => p.Bills.Count) + secondParts,
            VoidedAllocations = plan.Where(p => p.VoidAfterClearing).Sum(p => p.Bills.Count),
            PendingAllocations = plan.Where(p => p.Pending).Sum(p => p.Bills.Count),
            PartialPayments = plan.Count(p => p.SecondPart is not null) + secondParts,
            MultiBillPayments = plan.Count(p => p.Bills.Count > 1),
            WebhooksLost = relay.Lost,
            WebhooksDuplicated = relay.Duplicated,
            WebhooksForged = forged,
            WebhooksForgedRefused = refused,
            PaymentsRecorded = figures.PaymentsRecorded,
            DuplicatePayments = figures.DuplicatePayments,
            PaymentReversals = figures.PaymentReversals,
            Parked = parked,
            StepSeconds = steps,
        };
    }

    /// <summary>The bills the sync created: the bill ids on the ledger's done voucher rows, as BILL holds them now.</summary>
    private async Task<IReadOnlyList<SimulatedBill>> PayableBillsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var billIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in services.GetRequiredService<LedgerStore>().QueryByKindAsync(WorkItemKind.Voucher.Value, cancellationToken).ConfigureAwait(false))
            if (row.State == LedgerState.Done && row.RemoteId is { Length: > 0 } id) billIds.Add(id);
        return bill.GetBills().Where(b => billIds.Contains(b.Id)).ToList();
    }

    private async Task SettleAsync(FlowDriver flows, CancellationToken cancellationToken)
    {
        await bill.WaitForWebhooksAsync(cancellationToken).ConfigureAwait(false);
        await flows.WaitForIdleAsync(_options.DrainTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unsigned, signed with a key that is not BILL's, and genuine notifications altered after signing.</summary>
    private async Task<(int Sent, int Refused)> SendForgeriesAsync(WebhookRelay relay, CancellationToken cancellationToken)
    {
        var genuine = relay.Genuine.ToList();
        if (genuine.Count == 0) return (0, 0);
        var sent = 0;
        var refused = 0;
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        for (var i = 0; i < _options.ForgedOfEachKind; i++)
        {
            var (body, signature) = genuine[i % genuine.Count];
            var altered = Alter(body, i);
            foreach (var (forgedBody, forgedSignature) in new (byte[], string?)[]
                     {
                         (altered, null),                                          // unsigned
                         (altered, WebhookSignatureVerifier.Sign(altered, wrongKey)), // signed with a key that is not BILL's
                         (altered, signature),                                     // genuine signature, altered body
                     })
            {
                sent++;
                if (await relay.SendAsync(forgedBody, forgedSignature, cancellationToken).ConfigureAwait(false) == 401) refused++;
            }
        }
        return (sent, refused);
    }

    /// <summary>The notification with a fresh event id and the amount of its first bill raised: what a forger would try.</summary>
    private static byte[] Alter(byte[] body, int salt)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        node["metadata"]!["eventId"] = $"forged-{salt}-{Guid.NewGuid():N}";
        if (node["payment"]?["billPayments"]?[0] is JsonObject part) part["amount"] = 999999.99m;
        node["payment"]!["singleStatus"] = PsBill.Connector.Bill.Models.PaymentSingleStatus.Cleared;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}

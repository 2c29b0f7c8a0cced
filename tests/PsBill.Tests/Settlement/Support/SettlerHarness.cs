using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Credentials;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Settlement.Support;

/// <summary>
/// <see cref="PaymentSettler"/> with no host around it, the way a Durable activity will call it: the PeopleSoft simulator,
/// the PeopleSoft client as the app wires it, the ledger and settlement tables on Azurite (a unique prefix). BILL is not
/// needed: the settler takes the payment as read from BILL, so the tests hand it <see cref="Payment"/> records.
/// </summary>
internal sealed class SettlerHarness : IAsyncDisposable
{
    /// <summary>The claim timeout the harness configures: short, so a test waits out a claim in about a second.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(1);

    private readonly ServiceProvider _services;
    private int _vouchersUsed;
    private int _payments;

    private SettlerHarness(PeopleSoftSimulator peopleSoft, ServiceProvider services)
    {
        PeopleSoft = peopleSoft;
        _services = services;
    }

    public PeopleSoftSimulator PeopleSoft { get; }
    public IServiceProvider Services => _services;
    public LedgerStore Ledger => _services.GetRequiredService<LedgerStore>();
    public PsBillStorage Storage => _services.GetRequiredService<PsBillStorage>();

    /// <summary>A new settler, as each activity (or delivery) gets one.</summary>
    public PaymentSettler NewSettler() => _services.GetRequiredService<PaymentSettler>();

    public static async Task<SettlerHarness> StartAsync(
        string connectionString,
        SettlementMode mode = SettlementMode.RecordPayment,
        PaymentCiShape? paymentShape = null,
        Action<PeopleSoftClientOptions>? configure = null,
        int vouchers = 60)
    {
        var peopleSoft = await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions
        {
            Generator = new PeopleSoftGeneratorOptions { Suppliers = 5, Vouchers = vouchers, MalformedVouchers = 0, MalformedSuppliers = 0 },
            PaymentShape = paymentShape ?? PaymentCiShape.UpdateDataCollection,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["PsBill:Storage:Prefix"] = Infrastructure.AzuriteFixture.UniquePrefix(),
            ["PsBill:Settlement:Mode"] = mode.ToString(),
            ["PsBill:Settlement:ClaimTimeout"] = "00:00:01",
            ["PsBill:Settlement:ClaimRetryDelay"] = "00:00:00.100",
            ["PsBill:Settlement:RetryDelay"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ISecretStore>(new InMemorySecretStore(new Dictionary<string, string>
        {
            [SecretNames.PeopleSoftOperatorId] = peopleSoft.Options.OperatorId,
            [SecretNames.PeopleSoftPassword] = peopleSoft.Options.Password,
        }));
        services.AddPsBillStorage(configuration);
        services.AddPeopleSoftClient(options =>
        {
            options.BaseUrl = peopleSoft.BaseUrl;
            options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
            options.Resilience.MaxConcurrentCalls = 4;
            options.ComponentInterfaces.Journal.ApLiabilityAccount = "200000";
            options.ComponentInterfaces.Journal.CashAccount = "100000";
            configure?.Invoke(options);
        });
        services.AddPsBillSettlement(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync();
        return new SettlerHarness(peopleSoft, provider);
    }

    /// <summary>Bills for the next approved vouchers, known to the bill-voucher index as the sync would leave them.</summary>
    public async Task<IReadOnlyList<SeededBill>> BillsAsync(int count)
    {
        var vouchers = PeopleSoft.GetVouchers().Where(v => v.IsApproved).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        var index = _services.GetRequiredService<BillVoucherIndex>();
        var bills = new List<SeededBill>();
        for (var i = 0; i < count; i++)
        {
            var voucher = vouchers[Interlocked.Increment(ref _vouchersUsed) - 1];
            var bill = new SeededBill($"00n{voucher.BusinessUnit}{voucher.VoucherId}", voucher.BusinessUnit, voucher.VoucherId, voucher.GrossAmount);
            await index.RecordAsync(bill.BillId, bill.VoucherKey);
            bills.Add(bill);
        }
        return bills;
    }

    /// <summary>A cleared BILL payment of the whole bill.</summary>
    public Payment Cleared(SeededBill bill)
    {
        var n = Interlocked.Increment(ref _payments);
        return new Payment
        {
            Id = $"stp{n:D8}",
            BillId = bill.BillId,
            Amount = bill.Amount,
            SingleStatus = PaymentSingleStatus.Cleared,
            ConfirmationNumber = $"CONF-{n:D6}",
            ProcessDate = new DateOnly(2026, 3, 2),
        };
    }

    /// <summary>Settles every payment, again and again as the work queue would, until none asks to be retried.</summary>
    /// <returns>The final result of every allocation.</returns>
    public async Task<IReadOnlyList<AllocationResult>> SettleUntilSettledAsync(IEnumerable<Payment> payments, bool replay = false, int maxRounds = 40)
    {
        var pending = payments.ToList();
        var final = new List<AllocationResult>();
        for (var round = 0; round < maxRounds && pending.Count > 0; round++)
        {
            if (round > 0) await Task.Delay(ClaimTimeout + TimeSpan.FromMilliseconds(100));
            var again = new List<Payment>();
            foreach (var payment in pending)
            {
                var results = await NewSettler().SettleAsync(payment, null, replay);
                if (results.Any(r => r.Kind == AllocationResultKind.RetryLater)) again.Add(payment);
                else final.AddRange(results);
            }
            pending = again;
        }
        Assert.True(pending.Count == 0, $"{pending.Count} payments still asked to be retried after {maxRounds} rounds");
        return final;
    }

    /// <summary>The payments PeopleSoft recorded on a bill's voucher.</summary>
    public IReadOnlyList<SimulatedPayment> PaymentsOn(SeededBill bill) =>
        PeopleSoft.GetPayments().Where(p => p.BusinessUnit == bill.BusinessUnit && p.VoucherId == bill.VoucherId).ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await PeopleSoft.DisposeAsync();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Credentials;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Connector.Settlement.Webhooks;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;
using PsBill.Cli.Hosting.Standalone;
using Microsoft.DurableTask.Client;
using PsBill.Sandbox.Settlement;
using PsBill.Sandbox.World;
using PsBill.Workflows.Starting;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Settlement.Support;

/// <summary>
/// Both simulators, Azurite (a unique prefix) and the standalone host with settlement wired the way the app wires it,
/// its queue listener on and every delay short. <see cref="SeedBillsAsync"/> makes bills to pay without the sync: a
/// BILL bill per approved voucher and the ledger row the sync would have written.
/// </summary>
internal sealed class SettlementTestHost : IAsyncDisposable
{
    private readonly StandaloneHost _host;
    private int _vouchersUsed;

    private SettlementTestHost(BillSimulator bill, PeopleSoftSimulator peopleSoft, StandaloneHost host, InMemorySecretStore secrets)
    {
        Bill = bill;
        PeopleSoft = peopleSoft;
        _host = host;
        Secrets = secrets;
        AccountId = bill.AddChartOfAccount("Office supplies", "6100");
        DepartmentId = bill.AddDepartment("Finance", "FIN");
    }

    public BillSimulator Bill { get; }
    public string AccountId { get; }
    public string DepartmentId { get; }
    public PeopleSoftSimulator PeopleSoft { get; }
    public InMemorySecretStore Secrets { get; }
    public StandaloneHost Host => _host;
    public IServiceProvider Services => _host.Services;
    public LedgerStore Ledger => Services.GetRequiredService<LedgerStore>();
    public AuditTrail Audit => Services.GetRequiredService<AuditTrail>();
    public PsBillStorage Storage => Services.GetRequiredService<PsBillStorage>();
    public BillClient BillClient => Services.GetRequiredService<BillClient>();
    public Uri WebhookUrl => new(_host.BaseAddress, "api/bill/webhook");

    public static async Task<SettlementTestHost> StartAsync(string connectionString, SettlementMode mode = SettlementMode.RecordPayment,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var bill = await BillSimulator.StartAsync(new BillSimulatorOptions { WebhookRetryDelays = [TimeSpan.FromMilliseconds(50)] });
        var peopleSoft = await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions
        {
            Generator = new PeopleSoftGeneratorOptions { Suppliers = 5, Vouchers = 40, MalformedVouchers = 0, MalformedSuppliers = 0 },
        });
        var secrets = new InMemorySecretStore(new Dictionary<string, string>
        {
            [SecretNames.BillUsername] = bill.Credentials.Username,
            [SecretNames.BillPassword] = bill.Credentials.Password,
            [SecretNames.BillOrganizationId] = bill.Credentials.OrganizationId,
            [SecretNames.BillDeveloperKey] = bill.Credentials.DeveloperKey,
            [SecretNames.PeopleSoftOperatorId] = peopleSoft.Options.OperatorId,
            [SecretNames.PeopleSoftPassword] = peopleSoft.Options.Password,
            [SecretNames.AdminKey] = "test-admin-key",
        });
        var prefix = Infrastructure.AzuriteFixture.UniquePrefix();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["PsBill:Storage:Prefix"] = prefix,
            ["PsBill:TaskHub"] = SandboxWorld.TaskHubName(prefix),
            ["PsBill:Durable:ControlQueueVisibilityTimeout"] = "00:01:00",
            ["PsBill:Durable:WorkItemQueueVisibilityTimeout"] = "00:01:00",
            ["PsBill:Durable:MaxQueuePollingInterval"] = "00:00:01",
            ["PsBill:Work:ActivityFirstRetryDelay"] = "00:00:00.200",
            ["PsBill:Standalone:Url"] = "http://127.0.0.1:0",
            ["PsBill:Standalone:RunTimers"] = "false",
            ["PsBill:Settlement:Mode"] = mode.ToString(),
            ["PsBill:Settlement:ClaimRetryDelay"] = "00:00:00.200",
            ["PsBill:Settlement:RetryDelay"] = "00:00:00.300",
            // Short, so a test can leave an intent behind as a crashed attempt would and see it taken over.
            ["PsBill:Settlement:ClaimTimeout"] = "00:00:01",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

        var host = StandaloneHost.Create(configuration, services =>
        {
            services.AddSingleton<ISecretStore>(secrets);
            services.AddBillClient(options =>
            {
                options.BaseUrl = bill.BaseUrl;
                options.EventsBaseUrl = bill.EventsBaseUrl;
                options.RequestTimeout = TimeSpan.FromSeconds(10);
                options.RateLimitBaseDelay = TimeSpan.FromMilliseconds(5);
                options.TransientBaseDelay = TimeSpan.FromMilliseconds(5);
                options.HourlyQuotaMargin = TimeSpan.FromSeconds(1);
            });
            services.AddPeopleSoftClient(options =>
            {
                options.BaseUrl = peopleSoft.BaseUrl;
                options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
                options.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
                options.ComponentInterfaces.Journal.ApLiabilityAccount = "200000";
                options.ComponentInterfaces.Journal.CashAccount = "100000";
            });
            services.AddPsBillSettlement(configuration);
        });
        await host.StartAsync();
        var testHost = new SettlementTestHost(bill, peopleSoft, host, secrets);
        return testHost;
    }

    /// <summary>Subscribes the connector to BILL's payment webhooks at <paramref name="url"/> (default: the host's endpoint).</summary>
    public Task<WebhookSubscriptionResult> SubscribeAsync(Uri? url = null) =>
        Services.GetRequiredService<WebhookSubscriber>().SubscribeAsync(url ?? WebhookUrl);

    /// <summary>Creates one BILL bill per amount, all of one vendor, each for its own approved voucher, and the ledger rows the sync writes.</summary>
    public async Task<IReadOnlyList<SeededBill>> SeedBillsAsync(params decimal[] amounts)
    {
        var vouchers = PeopleSoft.GetVouchers().Where(v => v.IsApproved).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        var vendor = await BillClient.CreateVendorAsync(global::PsBill.Tests.Bill.Support.BillSamples.Vendor($"Vendor {Guid.NewGuid():N}"));
        var seeded = new List<SeededBill>();
        foreach (var amount in amounts)
        {
            var voucher = vouchers[Interlocked.Increment(ref _vouchersUsed) - 1];
            var created = await BillClient.CreateBillAsync(new VendorBill
            {
                VendorId = vendor.Id,
                DueDate = new DateOnly(2026, 12, 31),
                Invoice = new BillInvoice { InvoiceNumber = voucher.InvoiceId + "-" + voucher.VoucherId, InvoiceDate = new DateOnly(2026, 11, 1) },
                BillLineItems = [new BillLineItem { Amount = amount, Description = "Line 1", Classifications = new LineClassifications { ChartOfAccountId = AccountId, DepartmentId = DepartmentId } }],
            });
            var intent = await Ledger.TryInsertIntentAsync(voucher.Key, null, null);
            await Ledger.UpdateAsync(intent.Entry with { State = LedgerState.Done, RemoteId = created.Id });
            seeded.Add(new SeededBill(created.Id!, voucher.BusinessUnit, voucher.VoucherId, amount));
        }
        return seeded;
    }

    /// <summary>Waits until BILL delivered its webhooks and every orchestration they started has ended.</summary>
    public async Task DrainAsync()
    {
        await Bill.WaitForWebhooksAsync();
        await new FlowDriver(Services).WaitForIdleAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Starts a settlement orchestration for a payment, as a webhook (or, with <paramref name="replay"/>, a replay) would.</summary>
    public async Task EnqueueAsync(string paymentId, string billId, bool replay = false)
    {
        var client = await new FlowDriver(Services).ClientAsync();
        var item = WorkItem.For(ItemKeys.Payment(paymentId, billId), replay: replay);
        await Services.GetRequiredService<WorkStarter>().StartSettlementAsync(client, item);
    }

    /// <summary>Settlement orchestrations started so far (by webhooks or <see cref="EnqueueAsync"/>).</summary>
    public Task<int> SettlementsStartedAsync() => InstancesAsync("settle-", PsBill.Workflows.FunctionNames.Orchestrators.SettlePayment);

    /// <summary>BillLane sub-orchestrations the settlements started (none: their lanes are the settlement queue's).</summary>
    public Task<int> LanesStartedAsync() => InstancesAsync("settle-", PsBill.Workflows.FunctionNames.Orchestrators.BillLane);

    /// <summary>Settlement lanes the settlement queue started (each settles a batch of waiting payments).</summary>
    public Task<int> SettlementLanesStartedAsync() => InstancesAsync("settlelane-", PsBill.Workflows.FunctionNames.Orchestrators.SettlementLane);

    // Instances of one orchestrator under an id prefix: BillLanes would share a settlement's prefix (settle-...-lane-...).
    private async Task<int> InstancesAsync(string prefix, string orchestrator)
    {
        var client = await new FlowDriver(Services).ClientAsync();
        var count = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
            if (instance.Name == orchestrator) count++;
        return count;
    }

    /// <summary>The payments PeopleSoft recorded on a voucher.</summary>
    public IReadOnlyList<global::PsBill.Simulators.PeopleSoft.SimulatedPayment> PaymentsOn(SeededBill bill) =>
        PeopleSoft.GetPayments().Where(p => p.BusinessUnit == bill.BusinessUnit && p.VoucherId == bill.VoucherId).ToList();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await Bill.DisposeAsync();
        await PeopleSoft.DisposeAsync();
    }
}

/// <summary>A BILL bill made from a PeopleSoft voucher.</summary>
internal sealed record SeededBill(string BillId, string BusinessUnit, string VoucherId, decimal Amount)
{
    public string VoucherKey => ItemKeys.Voucher(BusinessUnit, VoucherId);
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Simulators.Bill.Endpoints;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;
using PsBill.Simulators.Bill.Webhooks;

namespace PsBill.Simulators.Bill;

/// <summary>
/// A simulated BILL v3: a real HTTP server on 127.0.0.1 (a free port) serving the API under <see cref="BaseUrl"/>
/// (<c>.../connect</c>) and webhook management under <see cref="EventsBaseUrl"/> (<c>.../connect-events</c>), faithful to
/// the facts sheet: sessions that expire when idle, <c>devKey</c>/<c>sessionId</c> headers, BILL's error array,
/// <c>BDC_1322</c> past 3 concurrent calls per organization, <c>BDC_1144</c> past the hourly quota, bill and line
/// classification validation, all-or-nothing bulk calls, lists with <c>max</c>/<c>page</c>/<c>filters</c>/<c>sort</c>,
/// payments with signed <c>payment.updated</c> webhooks, latency and fault injection. Its <see cref="GetFigures">figures</see>
/// come from its own state, for tests and the sandbox report.
/// </summary>
public sealed class BillSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;
    private readonly PaymentLedger _ledger;
    private readonly WebhookDispatcher _webhooks;
    private readonly BillRules _rules;

    private BillSimulator(WebApplication app, SimulatorState state, PaymentLedger ledger, WebhookDispatcher webhooks, BillRules rules, Uri root)
    {
        _app = app;
        _rules = rules;
        _state = state;
        _ledger = ledger;
        _rules = rules;
        _webhooks = webhooks;
        BaseUrl = new Uri(root, "connect");
        EventsBaseUrl = new Uri(root, "connect-events");
    }

    /// <summary>The API base URL, e.g. <c>http://127.0.0.1:50123/connect</c>: the value for <c>PsBill:Bill:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The webhook management base URL (<c>.../connect-events</c>): the value for <c>PsBill:Bill:EventsBaseUrl</c>.</summary>
    public Uri EventsBaseUrl { get; }

    /// <summary>The first credentials that may log in (put them in the connector's secret store).</summary>
    public SimulatedCredentials Credentials => _state.Options.Credentials[0];

    /// <summary>Faults to inject, changeable at any time.</summary>
    public BillSimulatorFaults Faults => _state.Faults;

    /// <summary>Starts a simulator on a free loopback port.</summary>
    public static async Task<BillSimulator> StartAsync(BillSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BillSimulatorOptions();
        if (options.Credentials.Count == 0) throw new ArgumentException("At least one set of credentials is needed.", nameof(options));
        var state = new SimulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(BillSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var routes = new RecordRoutes(state);
        var rules = new BillRules(state);
        var webhooks = new WebhookDispatcher(state);
        var ledger = new PaymentLedger(state, rules, webhooks);
        var admission = new CallAdmission(state);
        app.Use((context, next) => context.Request.Path.StartsWithSegments("/connect") || context.Request.Path.StartsWithSegments("/connect-events")
            ? admission.InvokeAsync(context, next)
            : next(context));

        var api = app.MapGroup("/connect/v3");
        new LoginEndpoints(state).Map(api);
        new VendorEndpoints(state, routes).Map(api);
        new BillEndpoints(state, routes, rules).Map(api);
        new PaymentEndpoints(routes, ledger).Map(api);
        new ClassificationEndpoints(state, routes, ClassificationKind.ChartOfAccounts).Map(api);
        new ClassificationEndpoints(state, routes, ClassificationKind.Departments).Map(api);
        new SubscriptionEndpoints(state, routes, webhooks).Map(app.MapGroup("/connect-events/v3"));
        app.MapFallback(context => SimulatedAnswer.ErrorAsync(context, 404, state.NowText, SimulatedErrorCodes.UnsupportedApi,
            $"Unsupported API: {context.Request.Method} {context.Request.Path}."));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BillSimulator(app, state, ledger, webhooks, rules, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The simulator's figures now (see <see cref="BillSimulatorFigures"/>).</summary>
    public BillSimulatorFigures GetFigures()
    {
        int vendors = 0, bills = 0, duplicateVendors = 0, duplicateBills = 0, invalidLines = 0, payments = 0, storedMismatches = 0;
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Sync)
            {
                vendors += organization.Vendors.Count;
                bills += organization.Bills.Count;
                payments += organization.Payments.Count;
                invalidLines += organization.InvalidLines.Count;
                duplicateVendors += organization.Vendors.Count - organization.Vendors.All
                    .Select(v => ((string?)v["name"] ?? "").Trim().ToUpperInvariant()).Distinct().Count();
                duplicateBills += organization.Bills.Count - organization.Bills.All
                    .Select(b => ((string?)b["vendorId"], ((string?)b["invoice"]?["invoiceNumber"] ?? "").Trim())).Distinct().Count();
                storedMismatches += organization.Bills.All.Count(b =>
                    FieldRules.Number(b["amount"]) != ((JsonArray)b["billLineItems"]!).OfType<JsonObject>().Sum(l => FieldRules.Number(l["amount"]) ?? 0m));
            }
        }

        var counters = _state.Counters;
        return new BillSimulatorFigures
        {
            Vendors = vendors,
            Bills = bills,
            DuplicateVendors = duplicateVendors,
            DuplicateBills = duplicateBills,
            Calls = Volatile.Read(ref counters.Calls),
            MaxConcurrentCalls = Volatile.Read(ref counters.MaxConcurrent),
            CallsByKind = new SortedDictionary<string, int>(counters.CallsByKind, StringComparer.Ordinal),
            MaxReadsOfAPayment = counters.PaymentReads.Values.DefaultIfEmpty(0).Max(),
            Rejected = new BillRejectionFigures
            {
                TooManyConcurrent = Volatile.Read(ref counters.RejectedConcurrency),
                HourlyQuota = Volatile.Read(ref counters.RejectedQuota),
                SessionInvalid = Volatile.Read(ref counters.RejectedSession),
                ServerErrors = Volatile.Read(ref counters.ServerErrors),
            },
            BillAmountMismatches = Volatile.Read(ref counters.AmountMismatches) + storedMismatches,
            InvalidLineClassifications = invalidLines,
            Logins = Volatile.Read(ref counters.Logins),
            Payments = payments,
            DroppedResponses = Volatile.Read(ref counters.DroppedResponses),
            WebhookAttempts = Volatile.Read(ref counters.WebhookAttempts),
            WebhooksDelivered = Volatile.Read(ref counters.WebhooksDelivered),
            WebhooksParked = Volatile.Read(ref counters.WebhooksParked),
        };
    }

    /// <summary>Adds a chart-of-accounts entry (a GL account) and returns its id.</summary>
    public string AddChartOfAccount(string name, string number, string type = "EXPENSE", bool archived = false, string? organizationId = null) =>
        Seed(organizationId, o => o.ChartOfAccounts, "0ca", new JsonObject
        {
            ["name"] = name, ["description"] = name, ["account"] = new JsonObject { ["type"] = type, ["number"] = number },
        }, archived);

    /// <summary>Adds a department and returns its id.</summary>
    public string AddDepartment(string name, string? shortName = null, bool archived = false, string? organizationId = null) =>
        Seed(organizationId, o => o.Departments, "0de", new JsonObject { ["name"] = name, ["shortName"] = shortName ?? name, ["description"] = name }, archived);

    /// <summary>Adds a vendor and returns its id (for tests that need one without going through the API).</summary>
    public string AddVendor(string name, string? organizationId = null) =>
        Seed(organizationId, o => o.Vendors, "009", new JsonObject { ["name"] = name, ["accountType"] = "BUSINESS", ["billCurrency"] = "USD" }, archived: false);

    /// <summary>Adds a vendor as AP would key it in by hand (email, address, tax id) and returns its id.</summary>
    public string AddVendor(SimulatedVendorSeed seed, string? organizationId = null)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var vendor = new JsonObject { ["name"] = seed.Name, ["accountType"] = "BUSINESS", ["billCurrency"] = "USD", ["email"] = seed.Email };
        if (seed.Line1 is not null)
            vendor["address"] = new JsonObject { ["line1"] = seed.Line1, ["city"] = seed.City, ["zipOrPostalCode"] = seed.PostalCode, ["country"] = seed.Country };
        if (seed.TaxId is not null) vendor["additionalInfo"] = new JsonObject { ["taxId"] = seed.TaxId };
        return Seed(organizationId, o => o.Vendors, "009", vendor, archived: false);
    }

    /// <summary>Adds a bill as AP would key it in by hand (amounts computed as BILL does) and returns its id.</summary>
    public string AddBill(string vendorId, string invoiceNumber, DateOnly invoiceDate, DateOnly dueDate, IReadOnlyList<decimal> lineAmounts, string? organizationId = null)
    {
        ArgumentNullException.ThrowIfNull(lineAmounts);
        var organization = _state.Organization(organizationId ?? Credentials.OrganizationId);
        var lines = new JsonArray();
        foreach (var amount in lineAmounts) lines.Add(new JsonObject { ["amount"] = amount, ["description"] = "Keyed in by hand" });
        var bill = new JsonObject
        {
            ["vendorId"] = vendorId,
            ["invoice"] = new JsonObject { ["invoiceNumber"] = invoiceNumber, ["invoiceDate"] = invoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            ["dueDate"] = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["billLineItems"] = lines,
        };
        lock (organization.Sync)
        {
            if (organization.Vendors.Find(vendorId) is null) throw new InvalidOperationException($"No vendor {vendorId}.");
            var id = _state.NewId("00n");
            bill["id"] = id;
            bill["archived"] = false;
            bill["createdTime"] = _state.NowText;
            bill["updatedTime"] = _state.NowText;
            _rules.Compute(organization, bill);
            organization.Bills.Add(bill);
            return id;
        }
    }

    /// <summary>Archives (or restores) a chart-of-accounts entry or department by id, wherever it is.</summary>
    public void SetClassificationArchived(string id, bool archived)
    {
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Sync)
            {
                if ((organization.ChartOfAccounts.Find(id) ?? organization.Departments.Find(id)) is not { } record) continue;
                record["archived"] = archived;
                record["updatedTime"] = _state.NowText;
                return;
            }
        }

        throw new KeyNotFoundException($"No chart-of-accounts entry or department {id}.");
    }

    /// <summary>Every vendor, in creation order.</summary>
    public IReadOnlyList<SimulatedVendor> GetVendors() => Collect(o => o.Vendors, Snapshots.Vendor);

    /// <summary>Every bill, in creation order.</summary>
    public IReadOnlyList<SimulatedBill> GetBills() => Collect(o => o.Bills, Snapshots.Bill);

    /// <summary>Every payment, in creation order.</summary>
    public IReadOnlyList<SimulatedPayment> GetPayments() => Collect(o => o.Payments, PaymentLedger.Snapshot);

    /// <summary>Pays bills as an approver would in BILL, and notifies <c>payment.updated</c> subscribers.</summary>
    /// <exception cref="InvalidOperationException">BILL would refuse the payment (unknown bill, other vendor, more than is open).</exception>
    public Task<SimulatedPayment> PayAsync(SimulatedPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = OrganizationOfBill(request.Bills.FirstOrDefault()?.BillId);
        var errors = new List<SimulatedError>();
        JsonObject? payment;
        lock (organization.Sync)
        {
            payment = _ledger.Create(organization, null, request.ProcessDate ?? PaymentEndpoints.Today(_state), request.Bills, request.SingleStatus, online: true, errors);
        }

        if (payment is null) throw new InvalidOperationException("BILL would refuse this payment: " + string.Join(" ", errors.Select(e => e.Message)));
        _ledger.Announce(organization, payment);
        lock (organization.Sync) return Task.FromResult(PaymentLedger.Snapshot(payment));
    }

    /// <summary>Moves a payment to another <c>singleStatus</c> (e.g. SCHEDULED to CLEARED) and notifies subscribers.</summary>
    public Task<SimulatedPayment> SetPaymentStatusAsync(string paymentId, string singleStatus) => ChangePaymentAsync(paymentId, singleStatus, null);

    /// <summary>Voids a payment: its amount leaves its bills again, and subscribers are notified.</summary>
    public Task<SimulatedPayment> VoidPaymentAsync(string paymentId, string reason = "Voided in the simulator") => ChangePaymentAsync(paymentId, "VOIDED", reason);

    /// <summary>Changes one line's amount as a user would in BILL's web app (BILL recomputes the bill's amounts); no webhook.</summary>
    /// <exception cref="KeyNotFoundException">No such bill or line.</exception>
    public SimulatedBill EditBillLineAmount(string billId, int lineIndex, decimal amount)
    {
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Sync)
            {
                if (organization.Bills.Find(billId) is not { } bill) continue;
                var lines = ((JsonArray)bill["billLineItems"]!).OfType<JsonObject>().ToList();
                if (lineIndex < 0 || lineIndex >= lines.Count) throw new KeyNotFoundException($"Bill {billId} has no line {lineIndex}.");
                lines[lineIndex]["amount"] = amount;
                bill["updatedTime"] = _state.NowText;
                _rules.Compute(organization, bill);
                return Snapshots.Bill(bill);
            }
        }

        throw new KeyNotFoundException($"No bill {billId}.");
    }

    /// <summary>Deletes a bill as a user can in BILL's web app (the API only archives): it is gone from every list.</summary>
    /// <exception cref="KeyNotFoundException">No such bill.</exception>
    public void DeleteBill(string billId)
    {
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Sync)
            {
                if (organization.Bills.Find(billId) is null) continue;
                organization.Bills.Remove(billId);
                return;
            }
        }

        throw new KeyNotFoundException($"No bill {billId}.");
    }

    /// <summary>Completes when every queued webhook delivery has succeeded or been given up on.</summary>
    public Task WaitForWebhooksAsync(CancellationToken cancellationToken = default) => _webhooks.WaitForDeliveriesAsync(cancellationToken);

    /// <summary>Ends every session now, as 35 idle minutes would: the next call of each client gets <c>BDC_1109</c>.</summary>
    public void ExpireAllSessions() => _state.EndAllSessions();

    public async ValueTask DisposeAsync()
    {
        await _webhooks.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<SimulatedPayment> ChangePaymentAsync(string paymentId, string singleStatus, string? reason)
    {
        foreach (var organization in _state.Organizations)
        {
            JsonObject? payment;
            lock (organization.Sync) payment = _ledger.ChangeStatus(organization, paymentId, singleStatus, reason);
            if (payment is null) continue;
            _ledger.Announce(organization, payment);
            lock (organization.Sync) return PaymentLedger.Snapshot(payment);
        }

        await Task.CompletedTask.ConfigureAwait(false);
        throw new KeyNotFoundException($"No payment {paymentId}.");
    }

    private SimulatedOrganization OrganizationOfBill(string? billId)
    {
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Sync)
            {
                if (organization.Bills.Find(billId) is not null) return organization;
            }
        }

        throw new InvalidOperationException($"No bill {billId}.");
    }

    private string Seed(string? organizationId, Func<SimulatedOrganization, RecordSet> records, string idPrefix, JsonObject record, bool archived)
    {
        var organization = _state.Organization(organizationId ?? Credentials.OrganizationId);
        lock (organization.Sync)
        {
            var id = _state.NewId(idPrefix);
            record["id"] = id;
            record["archived"] = archived;
            record["createdTime"] = _state.NowText;
            record["updatedTime"] = _state.NowText;
            records(organization).Add(record);
            return id;
        }
    }

    private List<T> Collect<T>(Func<SimulatedOrganization, RecordSet> records, Func<JsonObject, T> snapshot)
    {
        var all = new List<T>();
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Sync) all.AddRange(records(organization).All.Select(snapshot));
        }

        return all;
    }
}

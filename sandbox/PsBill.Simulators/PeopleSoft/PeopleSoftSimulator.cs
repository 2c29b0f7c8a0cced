using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// A simulated PeopleSoft Integration Broker on 127.0.0.1 (a free port): the QAS <c>ExecuteQuery.v1</c> REST call
/// over the customer's PsBill queries (<see cref="PeopleSoftSimulatorQueries"/>), and the payment and journal
/// Component Interfaces over SOAP, on a seeded data set. Tests and the sandbox drive it through the control
/// methods (approve, deny, change, add) and read what the connector did (payments, journals, <see cref="GetFigures"/>).
/// </summary>
public sealed class PeopleSoftSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PeopleSoftStore _store;
    private long _calls;
    private long _authenticationFailures;
    private int _inFlight;
    private int _maxInFlight;

    private PeopleSoftSimulator(WebApplication app, PeopleSoftStore store, PeopleSoftDataSet data, PeopleSoftSimulatorOptions options)
    {
        _app = app;
        _store = store;
        Data = data;
        Options = options;
        Faults = new PeopleSoftFaultInjector(options.FaultSeed);
    }

    /// <summary>The web server's address, e.g. <c>http://127.0.0.1:51234/</c>: the connector's BaseUrl.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The data the simulator started with (what to leave out of BILL, what is malformed).</summary>
    public PeopleSoftDataSet Data { get; }

    /// <summary>The options it was started with (node, OPRID, password).</summary>
    public PeopleSoftSimulatorOptions Options { get; }

    /// <summary>Failure bursts, latency and chaos.</summary>
    public PeopleSoftFaultInjector Faults { get; }

    /// <summary>Starts a simulator on 127.0.0.1 with a free port.</summary>
    public static async Task<PeopleSoftSimulator> StartAsync(PeopleSoftSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PeopleSoftSimulatorOptions();
        var data = options.Data ?? PeopleSoftDataGenerator.Generate(options.Generator);
        var store = new PeopleSoftStore(data, options.TimeProvider);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var simulator = new PeopleSoftSimulator(app, store, data, options);
        simulator.Map();

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return simulator;
    }

    private void Map()
    {
        var credentials = new SimulatorCredentials(Options.OperatorId, Options.Password);
        void OnAuthenticationFailure() => Interlocked.Increment(ref _authenticationFailures);
        var queries = new QueryAccessEndpoint(_store, credentials, OnAuthenticationFailure, Options.OmittedColumns);
        var payment = new PaymentComponent(_store, Options.PaymentComponentInterface, Options.PaymentShape);
        var journal = new JournalComponent(_store, Options.JournalComponentInterface);
        var components = new ComponentInterfaceEndpoint(credentials, new Dictionary<string, Func<CiRequest, IEnumerable<XElement>>>
        {
            [Options.PaymentComponentInterface] = payment.Handle,
            [Options.JournalComponentInterface] = journal.Handle,
        }, OnAuthenticationFailure);

        _app.Use(TrackAndInjectFaultsAsync);
        _app.MapGet("/PSIGW/RESTListeningConnector/{node}/ExecuteQuery.v1/PUBLIC/{query}/JSON/NONFILE",
            (HttpContext context, string node, string query) => OnNode(context, node) ? queries.HandleAsync(context, query) : Task.CompletedTask);
        _app.MapPost("/PSIGW/PeopleSoftServiceListeningConnector/{node}",
            (HttpContext context, string node) => OnNode(context, node) ? components.HandleAsync(context) : Task.CompletedTask);
    }

    private bool OnNode(HttpContext context, string node)
    {
        if (string.Equals(node, Options.Node, StringComparison.OrdinalIgnoreCase)) return true;
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return false;
    }

    private async Task TrackAndInjectFaultsAsync(HttpContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _calls);
        var inFlight = Interlocked.Increment(ref _inFlight);
        UpdateMax(inFlight);
        try
        {
            if (Faults.Latency > TimeSpan.Zero) await Task.Delay(Faults.Latency, context.RequestAborted);
            var target = context.Request.Path.StartsWithSegments("/PSIGW/RESTListeningConnector") ? PeopleSoftFaultTarget.Queries : PeopleSoftFaultTarget.ComponentInterfaces;
            if (Faults.NextFailure(target) is not { } fault)
            {
                await next();
                return;
            }
            if (fault.CutOff)
            {
                await CutOffAsync(context, next);
                return;
            }
            if (fault.AfterWork)
            {
                // The component runs; the gateway loses its answer.
                await RunAnsweringIntoAsync(context, next, Stream.Null);
                context.Response.Clear();
            }
            await WriteFaultAsync(context, target, fault);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The call runs and its answer goes out with its full length announced, but only half of the body is sent
    /// before the connection drops.</summary>
    private static async Task CutOffAsync(HttpContext context, Func<Task> next)
    {
        using var answer = new MemoryStream();
        await RunAnsweringIntoAsync(context, next, answer);
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer.GetBuffer().AsMemory(0, (int)(answer.Length / 2)), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        // Dropped a moment later, so the caller has the headers and the first half in hand (a reset at once can overtake
        // them on loopback, and the call would look unanswered rather than cut off).
        await Task.Delay(TimeSpan.FromMilliseconds(200), context.RequestAborted);
        context.Abort();
    }

    /// <summary>Runs the call with its answer's body written to <paramref name="sink"/> instead of the connection (its
    /// status and headers stay on the response, not yet sent).</summary>
    private static async Task RunAnsweringIntoAsync(HttpContext context, Func<Task> next, Stream sink)
    {
        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(sink));
        try { await next(); }
        finally { context.Features.Set(body); }
    }

    private static async Task WriteFaultAsync(HttpContext context, PeopleSoftFaultTarget target, InjectedFault fault)
    {
        context.Response.StatusCode = fault.Status;
        if (fault.GatewayMessage is null)
        {
            // What a load balancer sends: a page, not an IBResponse.
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html><body><h1>{fault.Status} {ReasonPhrases.GetReasonPhrase(fault.Status)}</h1></body></html>", context.RequestAborted);
            return;
        }
        var ib = IbResponseDocument.Build(fault.GatewayMessage, null, null, []);
        XNamespace soap = "http://schemas.xmlsoap.org/soap/envelope/";
        var document = target == PeopleSoftFaultTarget.Queries
            ? ib
            : new XElement(soap + "Envelope", new XAttribute(XNamespace.Xmlns + "SOAP-ENV", soap),
                new XElement(soap + "Body", new XElement(soap + "Fault",
                    new XElement("faultcode", "SOAP-ENV:Server"), new XElement("faultstring", "OperationFailed"), new XElement("detail", ib))));
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(document.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    private void UpdateMax(int inFlight)
    {
        int seen;
        while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen) { }
    }

    // ---- control: what tests and the sandbox do as "the AP clerk" ----

    /// <summary>Approves a voucher (APPR_STATUS A), stamping it changed.</summary>
    public SimulatedVoucher ApproveVoucher(string businessUnit, string voucherId) =>
        _store.ChangeVoucher(businessUnit, voucherId, v => v with { ApprovalStatus = "A" });

    /// <summary>Denies a voucher (APPR_STATUS D), stamping it changed.</summary>
    public SimulatedVoucher DenyVoucher(string businessUnit, string voucherId) =>
        _store.ChangeVoucher(businessUnit, voucherId, v => v with { ApprovalStatus = "D" });

    /// <summary>Changes a voucher any way, stamping it changed.</summary>
    public SimulatedVoucher ChangeVoucher(string businessUnit, string voucherId, Func<SimulatedVoucher, SimulatedVoucher> change) =>
        _store.ChangeVoucher(businessUnit, voucherId, change);

    /// <summary>Changes a supplier any way, stamping it changed.</summary>
    public SimulatedSupplier ChangeSupplier(string setId, string vendorId, Func<SimulatedSupplier, SimulatedSupplier> change) =>
        _store.ChangeSupplier(setId, vendorId, change);

    /// <summary>Adds a voucher, stamped changed now.</summary>
    public SimulatedVoucher AddVoucher(SimulatedVoucher voucher) => _store.AddVoucher(voucher);

    /// <summary>Adds a supplier, stamped changed now.</summary>
    public SimulatedSupplier AddSupplier(SimulatedSupplier supplier) => _store.AddSupplier(supplier);

    /// <summary>Records a payment on a voucher as an AP clerk would on the voucher's payment page, outside the connector.</summary>
    public SimulatedPayment RecordPaymentByHand(string businessUnit, string voucherId, decimal amount, string reference, DateOnly date, string method = "CHK")
    {
        if (_store.FindVoucher(businessUnit, voucherId) is null) throw new KeyNotFoundException($"No voucher {businessUnit}/{voucherId} in the simulator.");
        return _store.RecordPayment(businessUnit, voucherId, method, reference, date, amount);
    }

    /// <summary>A voucher as it is now, or null.</summary>
    public SimulatedVoucher? GetVoucher(string businessUnit, string voucherId) => _store.FindVoucher(businessUnit, voucherId);

    /// <summary>Every voucher as it is now.</summary>
    public IReadOnlyList<SimulatedVoucher> GetVouchers() => _store.Read(s => s.Vouchers.ToList());

    /// <summary>Every supplier as it is now.</summary>
    public IReadOnlyList<SimulatedSupplier> GetSuppliers() => _store.Read(s => s.Suppliers.ToList());

    /// <summary>Every payment recorded through the CI (reversed ones show action X).</summary>
    public IReadOnlyList<SimulatedPayment> GetPayments() => _store.Read(s => s.Payments.ToList());

    /// <summary>Every journal created through the CI.</summary>
    public IReadOnlyList<SimulatedJournal> GetJournals() => _store.Read(s => s.Journals.ToList());

    /// <summary>Postings that repeated a payment in force, by voucher key and reference, with how many extra postings each got.</summary>
    public IReadOnlyDictionary<(string VoucherKey, string Reference), int> GetDuplicatePayments() => _store.Read(s =>
        s.Payments.Where(p => p.IsDuplicate)
            .GroupBy(p => ($"voucher:{p.BusinessUnit}:{p.VoucherId}", p.Reference))
            .ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>The simulator's figures now.</summary>
    public PeopleSoftSimulatorFigures GetFigures() => _store.Read(s => new PeopleSoftSimulatorFigures(
        s.Suppliers.Count,
        s.Vouchers.Count,
        s.Vouchers.Count(v => v.IsApproved),
        s.Payments.Count,
        s.Payments.Count(p => p.IsDuplicate),
        s.Payments.Count(p => p.Action == "X"),
        s.Journals.Count,
        Interlocked.Read(ref _calls),
        Volatile.Read(ref _maxInFlight),
        Faults.FaultsInjected,
        Interlocked.Read(ref _authenticationFailures)));

    /// <summary>Stops the web server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

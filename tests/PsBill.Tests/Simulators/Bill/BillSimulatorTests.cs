using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Simulators.Bill;

/// <summary>The simulator follows BILL's facts sheet, checked with plain HTTP (no connector code involved).</summary>
public sealed class BillSimulatorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 10, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Call_WithoutSession_Answers401WithBdc1109ErrorArray()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = new RawBillSession(simulator, _http);

        var (status, body) = await session.SendAsync(HttpMethod.Get, "/v3/vendors");

        Assert.Equal(401, status);
        var error = Assert.Single(Assert.IsType<JsonArray>(body))!;
        Assert.Equal("BDC_1109", (string?)error["code"]);
        Assert.NotNull((string?)error["timestamp"]);
        Assert.Equal(1, simulator.GetFigures().Rejected.SessionInvalid);
    }

    [Fact]
    public async Task Login_WrongDeveloperKey_AnswersBdc1102()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = new RawBillSession(simulator, _http);
        var c = simulator.Credentials;

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v3/login",
            new JsonObject { ["username"] = c.Username, ["password"] = c.Password, ["organizationId"] = c.OrganizationId, ["devKey"] = "nope" }.ToJsonString(),
            authenticated: false);

        Assert.Equal(400, status);
        Assert.Equal("BDC_1102", (string?)body![0]!["code"]);
    }

    [Fact]
    public async Task Login_PastTheHourlyLimit_IsRefused()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { HourlyLoginLimit = 2 });

        await RawBillSession.LoginAsync(simulator, _http);
        await RawBillSession.LoginAsync(simulator, _http);
        var third = await Assert.ThrowsAsync<InvalidOperationException>(() => RawBillSession.LoginAsync(simulator, _http));

        Assert.Contains("BDC_1144", third.Message, StringComparison.Ordinal);
        Assert.Equal(2, simulator.GetFigures().Logins);
    }

    [Fact]
    public async Task Session_IdleLongerThan35Minutes_Expires()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { TimeProvider = time });
        var session = await RawBillSession.LoginAsync(simulator, _http);

        time.Advance(TimeSpan.FromMinutes(34));
        var (stillAlive, _) = await session.SendAsync(HttpMethod.Get, "/v3/login/session");
        time.Advance(TimeSpan.FromMinutes(35) + TimeSpan.FromSeconds(1));
        var (expired, body) = await session.SendAsync(HttpMethod.Get, "/v3/login/session");

        Assert.Equal(200, stillAlive);
        Assert.Equal(401, expired);
        Assert.Equal("BDC_1109", (string?)body![0]!["code"]);
    }

    [Fact]
    public async Task Calls_FourAtOnce_TheFourthIsRefusedWithBdc1322()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { Latency = TimeSpan.FromMilliseconds(400) });
        var session = await RawBillSession.LoginAsync(simulator, _http);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.SendAsync(HttpMethod.Get, "/v3/vendors")));

        Assert.Equal(3, answers.Count(a => a.Status == 200));
        var refused = Assert.Single(answers, a => a.Status != 200);
        Assert.Equal("BDC_1322", (string?)refused.Body![0]!["code"]);
        Assert.Equal(4, simulator.GetFigures().MaxConcurrentCalls);
        Assert.Equal(1, simulator.GetFigures().Rejected.TooManyConcurrent);
    }

    [Fact]
    public async Task Calls_PastTheHourlyQuota_AreRefusedUntilTheNextHour()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { TimeProvider = time, HourlyCallQuota = 2 });
        var session = await RawBillSession.LoginAsync(simulator, _http);

        await session.SendAsync(HttpMethod.Get, "/v3/vendors");
        await session.SendAsync(HttpMethod.Get, "/v3/vendors");
        var (refused, body) = await session.SendAsync(HttpMethod.Get, "/v3/vendors");
        time.Advance(TimeSpan.FromMinutes(30)); // 09:40, the same hour
        var (stillRefused, _) = await session.SendAsync(HttpMethod.Get, "/v3/vendors");
        time.Advance(TimeSpan.FromMinutes(20)); // 10:00, a new hour
        var (allowed, _) = await session.SendAsync(HttpMethod.Get, "/v3/vendors");

        Assert.Equal("BDC_1144", (string?)body![0]!["code"]);
        Assert.NotEqual(200, refused);
        Assert.NotEqual(200, stillRefused);
        Assert.Equal(200, allowed);
        Assert.Equal(2, simulator.GetFigures().Rejected.HourlyQuota);
    }

    [Fact]
    public async Task ListVendors_FiltersSortAndPages()
    {
        await using var simulator = await BillSimulator.StartAsync();
        foreach (var name in new[] { "Acme, Inc.", "Acme Labs", "Beta", "Gamma" }) simulator.AddVendor(name);
        var session = await RawBillSession.LoginAsync(simulator, _http);

        var (_, exact) = await session.SendAsync(HttpMethod.Get, "/v3/vendors?filters=" + Uri.EscapeDataString("name:eq:\"Acme, Inc.\""));
        var (_, startsWith) = await session.SendAsync(HttpMethod.Get, "/v3/vendors?sort=name:desc&filters=" + Uri.EscapeDataString("name:sw:\"acme\""));
        var (_, page1) = await session.SendAsync(HttpMethod.Get, "/v3/vendors?max=3&sort=name:asc");
        var (_, page2) = await session.SendAsync(HttpMethod.Get, "/v3/vendors?page=" + Uri.EscapeDataString((string)page1!["nextPage"]!));
        var (tooMany, _) = await session.SendAsync(HttpMethod.Get, "/v3/vendors?max=101");

        Assert.Equal(["Acme, Inc."], Names(exact));
        Assert.Equal(["Acme, Inc.", "Acme Labs"], Names(startsWith)); // descending, and ',' sorts after ' '
        Assert.Equal(["Acme Labs", "Acme, Inc.", "Beta"], Names(page1));
        Assert.Equal(["Gamma"], Names(page2));
        Assert.Null(page2!["nextPage"]);
        Assert.NotNull(page2["prevPage"]);
        Assert.Equal(400, tooMany);
    }

    [Fact]
    public async Task ListPayments_UpdatedTimeFilter_ReturnsOnlyLaterChanges()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { TimeProvider = time });
        var session = await RawBillSession.LoginAsync(simulator, _http);
        var first = await CreateBillAsync(simulator, session, "INV-1");
        var second = await CreateBillAsync(simulator, session, "INV-2");
        await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(first)] });
        time.Advance(TimeSpan.FromMinutes(5));
        var later = await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(second)] });

        var since = Start.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (_, body) = await session.SendAsync(HttpMethod.Get, "/v3/payments?filters=" + Uri.EscapeDataString($"updatedTime:gt:\"{since}\""));

        Assert.Equal([later.Id], body!["results"]!.AsArray().Select(p => (string)p!["id"]!));
    }

    [Fact]
    public async Task BulkBills_OneInvalid_CreatesNoneAndNamesTheRecord()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = await RawBillSession.LoginAsync(simulator, _http);
        var vendorId = simulator.AddVendor("Acme");
        var good = BillJson(vendorId, "A", 10m);
        var bad = BillJson(vendorId, "B", 10m);
        bad.Remove("dueDate");

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v3/bills/bulk", new JsonArray(good, bad).ToJsonString());

        Assert.Equal(400, status);
        Assert.Contains("[1].dueDate", (string?)body![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(0, simulator.GetFigures().Bills);
    }

    [Fact]
    public async Task BulkBills_MoreThan100_IsRefused()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = await RawBillSession.LoginAsync(simulator, _http);
        var vendorId = simulator.AddVendor("Acme");
        var bills = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)BillJson(vendorId, $"I{i}", 1m)).ToArray());

        var (status, _) = await session.SendAsync(HttpMethod.Post, "/v3/bills/bulk", bills.ToJsonString());

        Assert.Equal(400, status);
        Assert.Equal(0, simulator.GetFigures().Bills);
    }

    [Fact]
    public async Task Figures_DuplicatesAndStatedAmountMismatch_AreCounted()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = await RawBillSession.LoginAsync(simulator, _http);
        var vendorId = simulator.AddVendor("Acme");
        simulator.AddVendor(" ACME ");
        var mismatched = BillJson(vendorId, "INV-1", 10m);
        mismatched["amount"] = 12m;

        await session.SendAsync(HttpMethod.Post, "/v3/bills", mismatched.ToJsonString());
        await session.SendAsync(HttpMethod.Post, "/v3/bills", BillJson(vendorId, "INV-1", 10m).ToJsonString());
        await session.SendAsync(HttpMethod.Post, "/v3/bills", BillJson(vendorId, "INV-2", 10m).ToJsonString());

        var figures = simulator.GetFigures();
        Assert.Equal(1, figures.DuplicateVendors);
        Assert.Equal(1, figures.DuplicateBills);
        Assert.Equal(1, figures.BillAmountMismatches);
        Assert.Equal(10m, simulator.GetBills()[0].Amount); // BILL keeps the sum of the lines
    }

    [Fact]
    public async Task Payment_ScheduledThenCleared_MovesTheBillFromScheduledToPaid()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = await RawBillSession.LoginAsync(simulator, _http);
        var billId = await CreateBillAsync(simulator, session, "INV-1");

        var payment = await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId, 40m)], SingleStatus = "SCHEDULED" });
        var (_, scheduled) = await session.SendAsync(HttpMethod.Get, $"/v3/bills/{billId}");
        await simulator.SetPaymentStatusAsync(payment.Id, "CLEARED");
        var (_, cleared) = await session.SendAsync(HttpMethod.Get, $"/v3/bills/{billId}");

        Assert.Equal("SCHEDULED", (string?)scheduled!["paymentStatus"]);
        Assert.Equal(40m, (decimal)scheduled["scheduledAmount"]!);
        Assert.Equal("PARTIAL", (string?)cleared!["paymentStatus"]);
        Assert.Equal(0m, (decimal)cleared["scheduledAmount"]!);
        Assert.Equal(60m, (decimal)cleared["dueAmount"]!);
        await Assert.ThrowsAsync<InvalidOperationException>(() => simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId, 61m)] }));
    }

    [Fact]
    public async Task Webhook_ReceiverNeverAnswers200_IsRetriedThenParked()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions
        {
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)],
        });
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 500, 500, 500);
        var session = await RawBillSession.LoginAsync(simulator, _http);
        await session.SendAsync(HttpMethod.Post, "/v3/subscriptions",
            $$"""{"name":"p","events":[{"type":"payment.updated","version":"1"}],"notificationUrl":"{{receiver.Url}}"}""",
            eventsHost: true, headers: [new("X-Idempotent-Key", Guid.NewGuid().ToString())]);
        var billId = await CreateBillAsync(simulator, session, "INV-1");

        await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId)] });
        await simulator.WaitForWebhooksAsync();

        Assert.Equal(4, receiver.Received.Count);
        Assert.Equal(1, simulator.GetFigures().WebhooksParked);
        Assert.Equal(0, simulator.GetFigures().WebhooksDelivered);
    }

    [Fact]
    public async Task Subscription_PlainHttpOffLoopback_IsRefused()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = await RawBillSession.LoginAsync(simulator, _http);

        var (status, _) = await session.SendAsync(HttpMethod.Post, "/v3/subscriptions",
            """{"name":"p","events":[{"type":"payment.updated","version":"1"}],"notificationUrl":"http://example.test/hook"}""",
            eventsHost: true, headers: [new("X-Idempotent-Key", Guid.NewGuid().ToString())]);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task UnknownPath_AnswersBdc1121()
    {
        await using var simulator = await BillSimulator.StartAsync();
        var session = await RawBillSession.LoginAsync(simulator, _http);

        var (status, body) = await session.SendAsync(HttpMethod.Get, "/v3/purchase-orders");

        Assert.Equal(404, status);
        Assert.Equal("BDC_1121", (string?)body![0]!["code"]);
    }

    [Fact]
    public async Task Figures_AsJson_UseTheSandboxReportNames()
    {
        await using var simulator = await BillSimulator.StartAsync();

        var json = JsonNode.Parse(JsonSerializer.Serialize(simulator.GetFigures()))!.AsObject();

        // DESIGN.md's names keep their place; fields added after them (calls by kind, payment reads) are allowed.
        string[] design = ["vendors", "bills", "duplicate_vendors", "duplicate_bills", "calls", "max_concurrent_calls", "rejected", "bill_amount_mismatches", "invalid_line_classifications"];
        Assert.Equal(design, json.Select(p => p.Key).Where(design.Contains));
        Assert.Contains("calls_by_kind", json.Select(p => p.Key));
        Assert.Contains("max_reads_of_a_payment", json.Select(p => p.Key));
        Assert.Equal(["BDC_1322", "BDC_1144", "BDC_1109", "5xx"], json["rejected"]!.AsObject().Select(p => p.Key));
    }

    private static List<string> Names(JsonNode? list) => list!["results"]!.AsArray().Select(v => (string)v!["name"]!).ToList();

    private static JsonObject BillJson(string vendorId, string invoiceNumber, decimal amount) => new()
    {
        ["vendorId"] = vendorId,
        ["dueDate"] = "2026-12-31",
        ["invoice"] = new JsonObject { ["invoiceNumber"] = invoiceNumber, ["invoiceDate"] = "2026-11-01" },
        ["billLineItems"] = new JsonArray(new JsonObject { ["amount"] = amount, ["description"] = "Line" }),
    };

    private static async Task<string> CreateBillAsync(BillSimulator simulator, RawBillSession session, string invoiceNumber)
    {
        var vendorId = simulator.GetVendors().FirstOrDefault()?.Id ?? simulator.AddVendor("Acme");
        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v3/bills", BillJson(vendorId, invoiceNumber, 100m).ToJsonString());
        Assert.Equal(201, status);
        return (string)body!["id"]!;
    }
}

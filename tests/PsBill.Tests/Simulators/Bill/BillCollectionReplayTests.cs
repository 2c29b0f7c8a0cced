using System.Text.Json.Nodes;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Simulators.Bill;

/// <summary>
/// Replays BILL's own example requests from the Postman collection against the simulator and checks each answer
/// against BILL's example answer: the documented status, the same root shape, only field names BILL uses for that
/// resource, and the same JSON kinds. Endpoints the connector never calls and the simulator does not serve
/// (accounting classes, locations, creating and voiding payments) are left out.
/// </summary>
public sealed class BillCollectionReplayTests(BillCollectionReplayTests.Servers servers) : IClassFixture<BillCollectionReplayTests.Servers>
{
    private static readonly string[] NotSimulated = ["accounting-classes", "locations", "POST /v3/payments", "/void"];
    private static readonly string[] ListEnvelope = ["results", "nextPage", "prevPage"];

    public static TheoryData<string> Replayable()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in BillCollection.Endpoints.Where(e => !NotSimulated.Any(skip => e.Key.Contains(skip, StringComparison.Ordinal) && (skip != "POST /v3/payments" || e.Key == skip))))
            data.Add(endpoint.Key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Replayable))]
    public async Task ExampleRequest_SentToTheSimulator_IsAnsweredInTheExamplesShape(string key)
    {
        var endpoint = BillCollection.Find(key);
        var session = await RawBillSession.LoginAsync(servers.Simulator, servers.Http);
        var variables = await PrepareAsync(session);

        var url = Substitute(endpoint.Url, variables);
        foreach (var (name, value) in variables.Where(v => !v.Key.StartsWith("{{", StringComparison.Ordinal))) url = url.Replace(name, value, StringComparison.Ordinal);
        var query = endpoint.Query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString(Substitute(q.Value!, variables))}").ToList();
        if (query.Count > 0) url += "?" + string.Join('&', query);
        var headers = endpoint.Headers.Contains("X-Idempotent-Key") ? [new KeyValuePair<string, string>("X-Idempotent-Key", Guid.NewGuid().ToString())] : Array.Empty<KeyValuePair<string, string>>();
        var body = endpoint.RequestBody is null ? null : Substitute(endpoint.RequestBody, variables);
        // The bulk updates carry BILL's placeholder id "string" instead of a variable: point them at the real record.
        if (body is not null && endpoint.Family.StartsWith("classifications/", StringComparison.Ordinal))
            body = body.Replace("\"id\": \"string\"", $"\"id\": \"{variables[endpoint.Family.Split('/')[1] + "/:id"].Split('/')[1]}\"", StringComparison.Ordinal);

        var (status, answer) = await session.SendToAsync(new HttpMethod(endpoint.Method), url, body, endpoint.Headers.Contains("sessionId"), headers);

        Assert.True(endpoint.Success.Code == status, $"{key}: status {status}, BILL documents {endpoint.Success.Code}. Answer: {answer?.ToJsonString()}");
        var example = endpoint.Success.Json;
        var known = KnownNames(endpoint.Family);
        var problems = example is JsonObject { Count: 0 }
            ? [] // BILL's example is an empty object here (its schema was not published): nothing to compare
            : JsonShape.Differences(answer, example, known);
        Assert.True(problems.Count == 0, $"{key}: {string.Join("; ", problems)}\nAnswer: {answer?.ToJsonString()}");
    }

    [Fact]
    public async Task ErrorAnswer_InvalidBill_IsBillsErrorArray()
    {
        var session = await RawBillSession.LoginAsync(servers.Simulator, servers.Http);

        var (status, answer) = await session.SendAsync(HttpMethod.Post, "/v3/bills", """{"dueDate":"2025-12-31"}""");

        Assert.Equal(400, status);
        var errors = Assert.IsType<JsonArray>(answer);
        var exampleNames = JsonShape.Names(BillCollection.Find("POST /v3/bills").Responses.Single(r => r.Code == 400).Json).ToHashSet();
        Assert.All(errors, e =>
        {
            Assert.All(((JsonObject)e!).Select(p => p.Key), name => Assert.Contains(name, exampleNames));
            Assert.StartsWith("BDC_", (string)e!["code"]!, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)e["message"]));
        });
        Assert.Contains(errors, e => ((string)e!["message"]!).Contains("vendorId", StringComparison.Ordinal));
    }

    [Fact]
    public void Replayable_CoversEveryEndpointTheConnectorUses()
    {
        var keys = ((IEnumerable<object[]>)Replayable()).Select(row => (string)row[0]).ToHashSet();

        foreach (var used in new[]
                 {
                     "POST /v3/login", "GET /v3/login/session", "POST /v3/logout",
                     "GET /v3/vendors", "POST /v3/vendors", "POST /v3/vendors/bulk", "GET /v3/vendors/:vendorId", "PATCH /v3/vendors/:vendorId", "POST /v3/vendors/:vendorId/archive",
                     "GET /v3/bills", "POST /v3/bills", "POST /v3/bills/bulk", "GET /v3/bills/:billId", "PATCH /v3/bills/:billId", "PUT /v3/bills/:billId",
                     "POST /v3/bills/:billId/archive", "POST /v3/bills/record-payment",
                     "GET /v3/classifications/chart-of-accounts", "POST /v3/classifications/chart-of-accounts/bulk",
                     "GET /v3/classifications/departments", "POST /v3/classifications/departments/bulk",
                     "GET /v3/payments", "GET /v3/payments/:paymentId",
                     "POST /v3/subscriptions", "GET /v3/subscriptions", "POST /v3/subscriptions/:subscriptionId/security_key", "POST /v3/subscriptions/:subscriptionId/test",
                 })
        {
            Assert.Contains(used, keys);
        }
    }

    private static HashSet<string> KnownNames(string family)
    {
        var names = new HashSet<string>(ListEnvelope, StringComparer.Ordinal);
        foreach (var endpoint in BillCollection.Endpoints.Where(e => e.Family == family))
        {
            names.UnionWith(JsonShape.Names(endpoint.Success.Json));
            names.UnionWith(JsonShape.Names(CollectionResponse.ParseLenient(endpoint.RequestBody)));
        }

        return names;
    }

    /// <summary>Makes the objects the examples refer to, and returns the collection's variables and path parameters.</summary>
    private async Task<Dictionary<string, string>> PrepareAsync(RawBillSession session)
    {
        var simulator = servers.Simulator;
        var vendorId = simulator.AddVendor("Happy Music Supplies");
        var accountId = simulator.AddChartOfAccount("Prepaid Expenses", "1-020");
        var departmentId = simulator.AddDepartment("Sales Department");
        var bill = await CreateBillAsync(session, vendorId, accountId, departmentId);
        var paidBill = await CreateBillAsync(session, vendorId, accountId, departmentId);
        var payment = await simulator.PayAsync(new SimulatedPaymentRequest { Bills = [new((string)paidBill["id"]!)] });
        await DeleteSubscriptionsAsync(session); // BILL allows 10 per organization; each replay makes its own
        var (_, subscription) = await session.SendAsync(HttpMethod.Post, "/v3/subscriptions",
            $$"""{"name":"replay","events":[{"type":"payment.updated","version":"1"}],"notificationUrl":"{{servers.Receiver.Url}}"}""",
            eventsHost: true, headers: [new("X-Idempotent-Key", Guid.NewGuid().ToString())]);
        var subscriptionId = (string)subscription!["id"]!;
        var (_, testEvent) = await session.SendAsync(HttpMethod.Post, $"/v3/subscriptions/{subscriptionId}/test", "{}", eventsHost: true);
        var lines = (JsonArray)bill["billLineItems"]!;
        var credentials = simulator.Credentials;
        return new Dictionary<string, string>
        {
            ["{{baseUrl}}"] = simulator.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["{{webhookBaseUrl}}"] = simulator.EventsBaseUrl.AbsoluteUri.TrimEnd('/'),
            ["{{username}}"] = credentials.Username,
            ["{{password}}"] = credentials.Password,
            ["{{organization_id}}"] = credentials.OrganizationId,
            ["{{developer_key}}"] = credentials.DeveloperKey,
            ["{{vendor_id}}"] = vendorId,
            ["{{bill_id}}"] = (string)bill["id"]!,
            ["{{webhook_bill_id}}"] = (string)bill["id"]!,
            ["{{bill_line_item_id01}}"] = (string)lines[0]!["id"]!,
            ["{{bill_line_item_id02}}"] = (string)lines[1]!["id"]!,
            ["{{chart_of_accounts_id}}"] = accountId,
            ["{{department_id}}"] = departmentId,
            ["{{payment_id}}"] = payment.Id,
            ["{{webhook_notification_url}}"] = servers.Receiver.Url,
            [":vendorId"] = vendorId,
            [":billId"] = (string)bill["id"]!,
            [":paymentId"] = payment.Id,
            [":subscriptionId"] = subscriptionId,
            [":eventId"] = (string)testEvent!["id"]!,
            ["chart-of-accounts/:id"] = "chart-of-accounts/" + accountId,
            ["departments/:id"] = "departments/" + departmentId,
        };
    }

    private static async Task DeleteSubscriptionsAsync(RawBillSession session)
    {
        var (_, list) = await session.SendAsync(HttpMethod.Get, "/v3/subscriptions?max=100", eventsHost: true);
        foreach (var subscription in list!["results"]!.AsArray())
            await session.SendAsync(HttpMethod.Delete, $"/v3/subscriptions/{subscription!["id"]}", eventsHost: true);
    }

    private static async Task<JsonObject> CreateBillAsync(RawBillSession session, string vendorId, string accountId, string departmentId)
    {
        var body = new JsonObject
        {
            ["vendorId"] = vendorId,
            ["dueDate"] = "2025-12-31",
            ["invoice"] = new JsonObject { ["invoiceNumber"] = Guid.NewGuid().ToString("N"), ["invoiceDate"] = "2025-12-31" },
            ["billLineItems"] = new JsonArray(
                new JsonObject
                {
                    ["amount"] = 149, ["description"] = "USB audio interface",
                    ["classifications"] = new JsonObject { ["chartOfAccountId"] = accountId, ["departmentId"] = departmentId },
                },
                new JsonObject { ["amount"] = 79.99m, ["description"] = "Drum foot pedal" }),
        };
        var (status, bill) = await session.SendAsync(HttpMethod.Post, "/v3/bills", body.ToJsonString());
        Assert.Equal(201, status);
        return (JsonObject)bill!;
    }

    private static string Substitute(string text, Dictionary<string, string> variables)
    {
        foreach (var (name, value) in variables.Where(v => v.Key.StartsWith("{{", StringComparison.Ordinal))) text = text.Replace(name, value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>One simulator and one webhook receiver for all the replays.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public BillSimulator Simulator { get; private set; } = null!;
        public WebhookReceiver Receiver { get; private set; } = null!;
        public HttpClient Http { get; } = new();

        public async Task InitializeAsync()
        {
            Simulator = await BillSimulator.StartAsync();
            Receiver = await WebhookReceiver.StartAsync();
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Simulator.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }
}

using System.Text.Json;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Tests.Simulators.Bill;

namespace PsBill.Tests.Bill;

/// <summary>The client's models read BILL's own example answers from the Postman collection, and its error parsing reads BILL's error example.</summary>
public sealed class BillModelContractTests
{
    [Theory]
    [InlineData("GET /v3/bills/:billId", typeof(VendorBill))]
    [InlineData("POST /v3/bills", typeof(VendorBill))]
    [InlineData("POST /v3/bills/bulk", typeof(List<VendorBill>))]
    [InlineData("POST /v3/bills/record-payment", typeof(Payment))]
    [InlineData("GET /v3/vendors/:vendorId", typeof(Vendor))]
    [InlineData("POST /v3/vendors", typeof(Vendor))]
    [InlineData("GET /v3/payments/:paymentId", typeof(Payment))]
    [InlineData("GET /v3/classifications/chart-of-accounts/:id", typeof(ChartOfAccount))]
    [InlineData("GET /v3/classifications/departments/:id", typeof(Department))]
    [InlineData("GET /v3/login/session", typeof(BillSessionDetails))]
    [InlineData("POST /v3/subscriptions", typeof(WebhookSubscription))]
    [InlineData("POST /v3/subscriptions/:subscriptionId/test", typeof(WebhookNotification))]
    public void Deserialize_BillsExampleAnswer_Succeeds(string key, Type model)
    {
        var body = BillCollection.Find(key).Success.Body!;

        var parsed = JsonSerializer.Deserialize(body, model, BillJson.Options);

        Assert.NotNull(parsed);
    }

    [Fact]
    public void Deserialize_BillExample_ReadsMoneyAsDecimalAndDatesAsDates()
    {
        var bill = JsonSerializer.Deserialize<VendorBill>(BillCollection.Find("GET /v3/bills/:billId").Success.Body!, BillJson.Options)!;

        Assert.Equal(7143.2229668437985m, bill.Amount);
        Assert.Equal(new DateOnly(2019, 1, 18), bill.DueDate);
        Assert.Equal(new DateOnly(1995, 4, 22), bill.Invoice?.InvoiceDate);
        Assert.Equal("string", bill.BillLineItems?[0].Classifications?.ChartOfAccountId);
    }

    [Fact]
    public void Serialize_CreateBillLikeBillsExample_SendsOnlyTheFieldsSet()
    {
        var bill = new VendorBill
        {
            VendorId = "{{vendor_id}}",
            DueDate = new DateOnly(2025, 12, 31),
            BillLineItems = [new BillLineItem { Amount = 149m, Description = "USB audio interface" }, new BillLineItem { Amount = 79.99m, Description = "Drum foot pedal" }],
            Invoice = new BillInvoice { InvoiceNumber = "202501", InvoiceDate = new DateOnly(2025, 12, 31) },
        };

        var sent = JsonSerializer.SerializeToNode(bill, BillJson.Options);
        var example = System.Text.Json.Nodes.JsonNode.Parse(BillCollection.Find("POST /v3/bills").RequestBody!);

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(example, sent), sent!.ToJsonString());
    }

    [Fact]
    public void Deserialize_BillsErrorExample_ReadsEveryEntry()
    {
        var errors = JsonSerializer.Deserialize<List<BillError>>(BillCollection.Find("POST /v3/bills").Responses.Single(r => r.Code == 400).Body!, BillJson.Options)!;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("string", e.Code));
        Assert.Equal("ERROR", errors[1].Severity);
    }
}

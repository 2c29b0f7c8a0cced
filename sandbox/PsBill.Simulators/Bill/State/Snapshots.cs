using System.Globalization;
using System.Text.Json.Nodes;
using PsBill.Simulators.Bill.Http;

namespace PsBill.Simulators.Bill.State;

/// <summary>Typed copies of stored records, for tests and the sandbox report.</summary>
internal static class Snapshots
{
    public static SimulatedVendor Vendor(JsonObject vendor) => new(
        (string)vendor["id"]!, (string?)vendor["name"] ?? "", (bool?)vendor["archived"] == true, Instant(vendor["createdTime"]));

    public static SimulatedBill Bill(JsonObject bill) => new(
        (string)bill["id"]!,
        (string)bill["vendorId"]!,
        (string?)bill["invoice"]?["invoiceNumber"] ?? "",
        Date(bill["invoice"]?["invoiceDate"]),
        Date(bill["dueDate"]),
        FieldRules.Number(bill["amount"]) ?? 0m,
        FieldRules.Number(bill["paidAmount"]) ?? 0m,
        FieldRules.Number(bill["dueAmount"]) ?? 0m,
        (string?)bill["paymentStatus"] ?? "",
        (bool?)bill["archived"] == true,
        ((JsonArray)bill["billLineItems"]!).OfType<JsonObject>().Select(l => new SimulatedBillLine(
            (string)l["id"]!,
            FieldRules.Number(l["amount"]) ?? 0m,
            (string?)l["description"],
            (string?)l["classifications"]?["chartOfAccountId"],
            (string?)l["classifications"]?["departmentId"])).ToList());

    private static DateOnly Date(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json.Nodes;
using PsBill.Simulators.Bill.Endpoints;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.Webhooks;

namespace PsBill.Simulators.Bill.State;

/// <summary>
/// Payments and what they do to bills. A payment's amount counts on its bills as scheduled while it is in flight,
/// as paid once <c>CLEARED</c>, and not at all once voided, canceled or failed. Online payments (made "in BILL" by
/// the test or the sandbox) notify <c>payment.updated</c> subscribers on every change; payments recorded through
/// <c>POST /v3/bills/record-payment</c> were made outside BILL and notify no one (so they cannot echo back).
/// </summary>
internal sealed class PaymentLedger(SimulatorState state, BillRules rules, WebhookDispatcher webhooks)
{
    private enum Effect { None, Scheduled, Paid }

    /// <summary>Creates a payment; null (and <paramref name="errors"/> filled) when BILL would refuse it. Lock held by the caller.</summary>
    public JsonObject? Create(SimulatedOrganization organization, string? vendorId, DateOnly processDate,
        IReadOnlyList<SimulatedBillPayment> allocations, string singleStatus, bool online, List<SimulatedError> errors)
    {
        if (allocations.Count == 0) errors.Add(FieldRules.Invalid("", "payments", "needs at least one bill"));
        var resolved = new List<(JsonObject Bill, decimal Amount)>();
        for (var i = 0; i < allocations.Count; i++)
        {
            var where = $"payments[{i}]";
            if (organization.Bills.Find(allocations[i].BillId) is not { } bill)
            {
                errors.Add(FieldRules.Invalid(where, "billId", $"'{allocations[i].BillId}' is not a bill of this organization"));
                continue;
            }

            vendorId ??= (string?)bill["vendorId"];
            if ((string?)bill["vendorId"] != vendorId) errors.Add(FieldRules.Invalid(where, "billId", "belongs to another vendor"));
            var open = (FieldRules.Number(bill["dueAmount"]) ?? 0m) - (FieldRules.Number(bill["scheduledAmount"]) ?? 0m);
            var amount = allocations[i].Amount ?? open;
            if (amount <= 0 || amount > open) errors.Add(FieldRules.Invalid(where, "amount", $"must be above 0 and at most the open amount {open.ToString(CultureInfo.InvariantCulture)}"));
            resolved.Add((bill, amount));
        }

        if (vendorId is null || organization.Vendors.Find(vendorId) is null) errors.Add(FieldRules.Invalid("", "vendorId", "is not a vendor of this organization"));
        if (errors.Count > 0) return null;

        var payment = new JsonObject
        {
            ["id"] = state.NewId("stp"),
            ["vendorId"] = vendorId,
            ["vendorName"] = organization.Vendors.Find(vendorId)!["name"]?.DeepClone(),
            ["billPayments"] = new JsonArray(resolved.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = state.NewId("0bp"), ["billId"] = r.Bill["id"]!.DeepClone(), ["amount"] = r.Amount,
            }).ToArray()),
            ["processDate"] = processDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["amount"] = resolved.Sum(r => r.Amount),
            ["onlinePayment"] = online,
            ["transactionNumber"] = state.NewId("T"),
            ["confirmationNumber"] = state.NewId("C"),
            ["createdTime"] = state.NowText,
        };
        if (resolved.Count == 1) payment["billId"] = resolved[0].Bill["id"]!.DeepClone();
        SetStatus(organization, payment, singleStatus, previous: null);
        organization.Payments.Add(payment);
        return payment;
    }

    /// <summary>Moves a payment to another <c>singleStatus</c> (e.g. SCHEDULED to CLEARED, or to VOIDED) and moves the bills with it.</summary>
    public JsonObject? ChangeStatus(SimulatedOrganization organization, string paymentId, string singleStatus, string? voidReason)
    {
        if (organization.Payments.Find(paymentId) is not { } payment) return null;
        var previous = (string?)payment["singleStatus"];
        if (singleStatus == "VOIDED")
        {
            payment["voidInfo"] = new JsonArray(new JsonObject
            {
                ["id"] = state.NewId("0vd"), ["type"] = "VOID_ONLY", ["status"] = "COMPLETED",
                ["reason"] = voidReason ?? "Voided", ["createdTime"] = state.NowText, ["updatedTime"] = state.NowText,
            });
        }

        SetStatus(organization, payment, singleStatus, previous);
        return payment;
    }

    /// <summary>Tells subscribers; call after releasing the organization's lock.</summary>
    public void Announce(SimulatedOrganization organization, JsonObject payment)
    {
        JsonObject snapshot;
        lock (organization.Sync) snapshot = (JsonObject)payment.DeepClone();
        if ((bool?)snapshot["onlinePayment"] == true) webhooks.Notify(organization, "payment.updated", "payment", snapshot);
    }

    public static SimulatedPayment Snapshot(JsonObject payment) => new(
        (string)payment["id"]!,
        (string)payment["vendorId"]!,
        FieldRules.Number(payment["amount"]) ?? 0m,
        (string)payment["singleStatus"]!,
        (bool?)payment["onlinePayment"] == true,
        ((JsonArray)payment["billPayments"]!).OfType<JsonObject>().Select(p => new SimulatedBillPayment((string)p["billId"]!, FieldRules.Number(p["amount"]))).ToList(),
        DateTimeOffset.Parse((string)payment["updatedTime"]!, CultureInfo.InvariantCulture));

    private void SetStatus(SimulatedOrganization organization, JsonObject payment, string singleStatus, string? previous)
    {
        var before = EffectOf(previous);
        var after = EffectOf(singleStatus);
        payment["singleStatus"] = singleStatus;
        var (status, disbursement) = singleStatus switch
        {
            "CLEARED" => ("PAID", "DONE"),
            "VOIDED" => ("VOIDED", "VOIDED"),
            "CANCELED" => ("CANCELLED", "CANCELED"),
            "SCHEDULED" => ("SCHEDULED", "SCHEDULED"),
            _ => ("IN_PROCESS", "IN_PROCESS"),
        };
        payment["status"] = status;
        payment["disbursementStatus"] = disbursement;
        payment["updatedTime"] = state.NowText;
        if (before == after) return;
        foreach (var part in ((JsonArray)payment["billPayments"]!).OfType<JsonObject>())
        {
            if (organization.Bills.Find((string?)part["billId"]) is not { } bill) continue;
            var amount = FieldRules.Number(part["amount"]) ?? 0m;
            Shift(bill, before, -amount);
            Shift(bill, after, amount);
            bill["updatedTime"] = state.NowText;
            rules.Compute(organization, bill);
        }
    }

    private static void Shift(JsonObject bill, Effect effect, decimal amount)
    {
        var field = effect switch { Effect.Paid => "paidAmount", Effect.Scheduled => "scheduledAmount", _ => null };
        if (field is not null) bill[field] = (FieldRules.Number(bill[field]) ?? 0m) + amount;
    }

    private static Effect EffectOf(string? singleStatus) => singleStatus switch
    {
        null => Effect.None,
        "CLEARED" => Effect.Paid,
        "VOIDED" or "CANCELED" or "FUNDS_ESCHEATED" => Effect.None,
        _ when singleStatus.Contains("FAILED", StringComparison.Ordinal) => Effect.None,
        _ => Effect.Scheduled,
    };
}

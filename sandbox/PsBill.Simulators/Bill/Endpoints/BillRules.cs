using System.Text.Json.Nodes;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary>
/// What BILL checks on a bill and what it computes for one: required fields (vendor, due date, invoice number and
/// date, lines with amounts), line classifications that exist and are not archived, and the amounts and payment
/// status. Callers hold the organization's lock.
/// </summary>
internal sealed class BillRules(SimulatorState state)
{
    /// <summary>Checks a whole bill (create or replace); errors name the field, prefixed by <paramref name="where"/>.</summary>
    public void Check(SimulatedOrganization organization, JsonObject bill, string where, List<SimulatedError> errors)
    {
        var vendorId = FieldRules.RequireText(bill, "vendorId", where, errors);
        var vendor = organization.Vendors.Find(vendorId);
        if (vendorId is not null && vendor is null)
            errors.Add(FieldRules.Invalid(where, "vendorId", $"'{vendorId}' is not a vendor of this organization"));
        else if (vendor is not null && (bool?)vendor["archived"] == true)
            errors.Add(FieldRules.Invalid(where, "vendorId", $"'{vendorId}' is archived"));
        FieldRules.RequireDate(bill, "dueDate", where, errors);
        if (bill["invoice"] is JsonObject invoice)
        {
            FieldRules.RequireText(invoice, "invoiceNumber", FieldRules.Join(where, "invoice"), errors);
            FieldRules.RequireDate(invoice, "invoiceDate", FieldRules.Join(where, "invoice"), errors);
        }
        else
        {
            errors.Add(FieldRules.Invalid(where, "invoice", "is required (invoiceNumber and invoiceDate)"));
        }

        if (bill["billLineItems"] is not JsonArray { Count: > 0 } lines)
        {
            errors.Add(FieldRules.Invalid(where, "billLineItems", "needs at least one line"));
            return;
        }

        CheckLines(organization, bill, lines, where, errors);
        var sum = lines.OfType<JsonObject>().Sum(l => FieldRules.Number(l["amount"]) ?? 0m);
        if (FieldRules.Number(bill["amount"]) is { } stated && stated != sum) Interlocked.Increment(ref state.Counters.AmountMismatches);
    }

    /// <summary>Checks lines: an object each, a numeric amount, and classification ids that exist and are not archived.</summary>
    public void CheckLines(SimulatedOrganization organization, JsonObject bill, JsonArray lines, string where, List<SimulatedError> errors)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var at = FieldRules.Join(where, $"billLineItems[{i}]");
            if (lines[i] is not JsonObject line)
            {
                errors.Add(FieldRules.Invalid(at, "", "must be an object"));
                continue;
            }

            if (FieldRules.Number(line["amount"]) is null) errors.Add(FieldRules.Invalid(at, "amount", "is required and must be a number"));
            if (line["classifications"] is not JsonObject classifications) continue;
            var account = FieldRules.OptionalText(classifications, "chartOfAccountId");
            var department = FieldRules.OptionalText(classifications, "departmentId");
            var badAccount = account is not null && !IsUsable(organization.ChartOfAccounts, account);
            var badDepartment = department is not null && !IsUsable(organization.Departments, department);
            if (badAccount) errors.Add(FieldRules.Invalid(at, "classifications.chartOfAccountId", $"'{account}' does not exist or is archived"));
            if (badDepartment) errors.Add(FieldRules.Invalid(at, "classifications.departmentId", $"'{department}' does not exist or is archived"));
            if (badAccount || badDepartment)
            {
                var invoiceNumber = bill["invoice"] is JsonObject invoice ? FieldRules.OptionalText(invoice, "invoiceNumber") : null;
                organization.InvalidLines.Add($"{FieldRules.OptionalText(bill, "vendorId")}|{invoiceNumber}|{i}|{account}|{department}");
            }
        }
    }

    /// <summary>Gives new lines ids and sets the amounts and status BILL computes.</summary>
    public void Compute(SimulatedOrganization organization, JsonObject bill)
    {
        var lines = (JsonArray)bill["billLineItems"]!;
        foreach (var line in lines.OfType<JsonObject>())
        {
            if (FieldRules.OptionalText(line, "id") is null) line["id"] = state.NewId("00l");
        }

        var amount = lines.OfType<JsonObject>().Sum(l => FieldRules.Number(l["amount"]) ?? 0m);
        var paid = FieldRules.Number(bill["paidAmount"]) ?? 0m;
        var scheduled = FieldRules.Number(bill["scheduledAmount"]) ?? 0m;
        bill["amount"] = amount;
        bill["paidAmount"] = paid;
        bill["dueAmount"] = amount - paid;
        bill["scheduledAmount"] = scheduled;
        bill["creditAmount"] ??= 0m;
        bill["paymentStatus"] = paid >= amount && amount > 0 ? "PAID" : paid > 0 ? "PARTIAL" : scheduled > 0 ? "SCHEDULED" : "UNPAID";
        bill["approvalStatus"] ??= "UNASSIGNED";
        if (FieldRules.OptionalText(bill, "vendorId") is { } vendorId && organization.Vendors.Find(vendorId) is { } vendor)
            bill["vendorName"] = vendor["name"]?.DeepClone();
    }

    private static bool IsUsable(RecordSet records, string id) => records.Find(id) is { } record && (bool?)record["archived"] != true;
}

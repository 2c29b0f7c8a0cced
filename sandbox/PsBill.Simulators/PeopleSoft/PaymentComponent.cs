using System.Globalization;
using System.Xml.Linq;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// The simulated customer's "record payment" CI over the voucher payment page (keys BUSINESS_UNIT, VOUCHER_ID). Its one
/// write operation and its shape (a PYMNT_VCHR_XREF collection, or flat properties) are the shop's choice
/// (<see cref="PaymentCiShape"/>); the write adds a payment (PYMNT_ACTION R) or cancels one by its reference (X).
/// Like PeopleSoft it accepts the same payment twice; the simulator counts that as a duplicate.
/// </summary>
internal sealed class PaymentComponent(PeopleSoftStore store, string name, PaymentCiShape shape)
{
    public IEnumerable<XElement> Handle(CiRequest request) => request.Operation switch
    {
        "G" => Get(request),
        "F" => Find(request),
        _ when request.Operation == shape.WriteOperation => Write(request),
        // A service operation the shop did not expose does not exist on its node.
        _ => throw new QasRequestException($"Service operation CI_{name}_{request.Operation}.V1 was not found on this node.", parameters: $"CI_{name}_{request.Operation}.V1"),
    };

    private IEnumerable<XElement> Get(CiRequest request)
    {
        var voucher = Voucher(request);
        yield return new XElement("BUSINESS_UNIT", voucher.BusinessUnit);
        yield return new XElement("VOUCHER_ID", voucher.VoucherId);
        yield return new XElement("GROSS_AMT", voucher.GrossAmount.ToString(CultureInfo.InvariantCulture));
        yield return new XElement("APPR_STATUS", voucher.ApprovalStatus);
        foreach (var p in store.Read(s => s.Payments.Where(p => p.BusinessUnit == voucher.BusinessUnit && p.VoucherId == voucher.VoucherId).ToList()))
        {
            yield return new XElement("PYMNT_VCHR_XREF",
                new XElement("PYMNT_CNT", p.PaymentCount), new XElement("PYMNT_ID", p.PaymentId),
                new XElement("PYMNT_METHOD", p.Method), new XElement("PYMNT_ACTION", p.Action),
                new XElement("PYMNT_ID_REF", p.Reference), new XElement("PYMNT_DT", p.PaymentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XElement("PAID_AMT", p.Amount.ToString(CultureInfo.InvariantCulture)), new XElement("PYMNT_STATUS", p.Status));
        }
    }

    private IEnumerable<XElement> Find(CiRequest request)
    {
        var businessUnit = CiRequest.Required(request.Message, "BUSINESS_UNIT", name);
        var prefix = request.Field("VOUCHER_ID") ?? "";
        return store.Read(s => s.Vouchers.Where(v => v.BusinessUnit == businessUnit && v.VoucherId.StartsWith(prefix, StringComparison.Ordinal))
            .Take(300)
            .Select(v => new XElement(name, new XElement("BUSINESS_UNIT", v.BusinessUnit), new XElement("VOUCHER_ID", v.VoucherId)))
            .ToList());
    }

    private IEnumerable<XElement> Write(CiRequest request)
    {
        var voucher = Voucher(request);
        if (!voucher.IsApproved)
            throw new QasRequestException($"Voucher {voucher.BusinessUnit} {voucher.VoucherId} is not approved; a payment cannot be recorded.", 7030, 175, voucher.BusinessUnit, voucher.VoucherId);
        var rows = shape.Collection is { } collection ? request.Collection(collection).ToList() : [request.Message];
        if (rows.Count == 0) throw new QasRequestException($"No payment row was given ({shape.Collection}).", 91, 12, name, shape.Collection ?? "");

        // Validate every row first: the component saves all of them or none.
        var parsed = rows.Select(row => (
            Method: CiRequest.Required(row, "PYMNT_METHOD", name),
            Action: CiRequest.Required(row, "PYMNT_ACTION", name),
            Reference: CiRequest.Required(row, "PYMNT_ID_REF", name),
            Date: DateOnly.TryParseExact(CiRequest.Required(row, "PYMNT_DT", name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : throw new QasRequestException($"Invalid date {CiRequest.Field(row, "PYMNT_DT")} in PYMNT_DT.", 91, 34, name, "PYMNT_DT"),
            Amount: decimal.TryParse(CiRequest.Required(row, "PAID_AMT", name), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) && amount > 0
                ? amount : throw new QasRequestException($"Invalid amount {CiRequest.Field(row, "PAID_AMT")} in PAID_AMT.", 91, 34, name, "PAID_AMT"))).ToList();
        foreach (var row in parsed)
        {
            if (row.Method is not ("MAN" or "CHK" or "ACH" or "EFT" or "WIR"))
                throw new QasRequestException($"Invalid value {row.Method} for PYMNT_METHOD.", 91, 34, name, "PYMNT_METHOD");
            if (row.Action is not ("R" or "X"))
                throw new QasRequestException($"Invalid value {row.Action} for PYMNT_ACTION.", 91, 34, name, "PYMNT_ACTION");
        }
        foreach (var row in parsed)
        {
            if (row.Action == "R")
            {
                store.RecordPayment(voucher.BusinessUnit, voucher.VoucherId, row.Method, row.Reference, row.Date, row.Amount);
            }
            else if (!store.CancelPayment(voucher.BusinessUnit, voucher.VoucherId, row.Reference))
            {
                throw new QasRequestException($"No payment with reference {row.Reference} on voucher {voucher.BusinessUnit} {voucher.VoucherId} to cancel.",
                    7030, 176, voucher.BusinessUnit, voucher.VoucherId, row.Reference);
            }
        }
        if (shape.WriteOperation == "C")
        {
            // Create answers with the keys of what it saved, not a notification.
            yield return new XElement("BUSINESS_UNIT", voucher.BusinessUnit);
            yield return new XElement("VOUCHER_ID", voucher.VoucherId);
        }
        else
        {
            yield return new XElement("notification", "True");
        }
    }

    private SimulatedVoucher Voucher(CiRequest request)
    {
        var businessUnit = CiRequest.Required(request.Message, "BUSINESS_UNIT", name);
        var voucherId = CiRequest.Required(request.Message, "VOUCHER_ID", name);
        return store.FindVoucher(businessUnit, voucherId)
            ?? throw new QasRequestException("No rows exist for the specified keys.", 91, 50, name, businessUnit, voucherId);
    }
}

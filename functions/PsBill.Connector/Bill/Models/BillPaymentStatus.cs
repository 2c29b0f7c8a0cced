namespace PsBill.Connector.Bill.Models;

/// <summary>The values of <see cref="VendorBill.PaymentStatus"/> that BILL documents. Kept as strings: BILL may add values.</summary>
public static class BillPaymentStatus
{
    public const string Paid = "PAID";
    public const string Unpaid = "UNPAID";
    public const string Partial = "PARTIAL";
    public const string Scheduled = "SCHEDULED";
    public const string Undefined = "UNDEFINED";
}

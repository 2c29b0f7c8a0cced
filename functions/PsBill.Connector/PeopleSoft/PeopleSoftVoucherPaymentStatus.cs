namespace PsBill.Connector.PeopleSoft;

/// <summary>What PeopleSoft shows as paid on one voucher.</summary>
public sealed record PeopleSoftVoucherPaymentStatus(
    string BusinessUnit,
    string VoucherId,
    IReadOnlyList<PeopleSoftVoucherPayment> Payments)
{
    /// <summary>The sum of the payments in force.</summary>
    public decimal AmountPaid => Payments.Where(p => p.IsInForce).Sum(p => p.PaidAmount);

    /// <summary>The payment in force with this reference (a BILL confirmation number), if any.</summary>
    public PeopleSoftVoucherPayment? FindByReference(string reference) =>
        Payments.FirstOrDefault(p => p.IsInForce && string.Equals(p.Reference, reference, StringComparison.Ordinal));
}

namespace PsBill.Connector.PeopleSoft;

/// <summary>A payment to record on a voucher (or to reverse, when BILL voided it).</summary>
/// <param name="BusinessUnit">The voucher's business unit.</param>
/// <param name="VoucherId">The voucher id.</param>
/// <param name="Method">PYMNT_METHOD: MAN, CHK, ACH, EFT or WIR.</param>
/// <param name="Reference">The BILL confirmation (or transaction) number: how the payment is found again.</param>
/// <param name="PaymentDate">The day BILL paid.</param>
/// <param name="Amount">The amount paid, positive.</param>
public sealed record PeopleSoftPaymentRecord(
    string BusinessUnit, string VoucherId, string Method, string Reference, DateOnly PaymentDate, decimal Amount)
{
    /// <summary>The voucher's ledger key.</summary>
    public string VoucherKey => PeopleSoftRecordKeys.Voucher(BusinessUnit, VoucherId);
}

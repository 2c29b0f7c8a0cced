namespace PsBill.Simulators.PeopleSoft;

/// <summary>A payment recorded on a voucher through the payment CI (<c>PS_PYMNT_VCHR_XREF</c> + <c>PS_PAYMENT_TBL</c>).</summary>
/// <param name="Action">PYMNT_ACTION: R recorded, X cancelled.</param>
/// <param name="Status">PYMNT_STATUS: P paid, V void.</param>
/// <param name="IsDuplicate">True when an earlier payment in force had the same voucher and reference.</param>
public sealed record SimulatedPayment(
    string BusinessUnit,
    string VoucherId,
    int PaymentCount,
    string PaymentId,
    string Method,
    string Action,
    string Reference,
    DateOnly PaymentDate,
    decimal Amount,
    string Status,
    bool IsDuplicate);

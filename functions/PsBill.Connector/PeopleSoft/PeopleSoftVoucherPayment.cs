namespace PsBill.Connector.PeopleSoft;

/// <summary>A payment recorded on a voucher (<c>PS_PYMNT_VCHR_XREF</c> with <c>PS_PAYMENT_TBL</c>).</summary>
/// <param name="PaymentCount">PYMNT_CNT: the payment's sequence on the voucher.</param>
/// <param name="PaymentId">PYMNT_ID, when PeopleSoft has assigned one.</param>
/// <param name="Action">PYMNT_ACTION: R record, S schedule, X cancelled.</param>
/// <param name="SelectStatus">PYMNT_SELCT_STATUS: P paid, E externally paid.</param>
/// <param name="Status">PYMNT_STATUS: P paid, V void.</param>
/// <param name="Reference">The payment reference (for BILL payments: the BILL confirmation number).</param>
public sealed record PeopleSoftVoucherPayment(
    int PaymentCount,
    string? PaymentId,
    decimal PaidAmount,
    string? Method,
    string? Action,
    string? SelectStatus,
    DateOnly? PaymentDate,
    string? Status,
    string? Reference)
{
    /// <summary>True for a recorded payment that has not been cancelled or voided.</summary>
    public bool IsInForce => Action != "X" && Status != "V";
}

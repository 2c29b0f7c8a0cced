using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Reconciliation;

/// <summary>The part of one BILL payment applied to one bill.</summary>
public sealed record BillPaymentPart(Payment Payment, decimal Amount)
{
    /// <summary>The references PeopleSoft may carry for this payment: confirmation number, transaction number, payment id
    /// (the order settlement picks the reference in).</summary>
    public IEnumerable<string> References =>
        new[] { Payment.ConfirmationNumber, Payment.TransactionNumber, Payment.Id }.OfType<string>().Where(r => r.Length > 0);

    /// <summary>Cleared: the amount counts as paid.</summary>
    public bool IsCleared => Payment.SingleStatus == PaymentSingleStatus.Cleared;

    /// <summary>Voided, canceled, failed or escheated: the amount counts nowhere.</summary>
    public bool IsUndone => PaymentSingleStatus.IsFinal(Payment.SingleStatus) && !IsCleared;

    /// <summary>Scheduled or in process.</summary>
    public bool IsPending => !PaymentSingleStatus.IsFinal(Payment.SingleStatus);
}

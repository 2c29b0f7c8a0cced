using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Settlement;

/// <summary>What a payment's <c>singleStatus</c> asks of PeopleSoft.</summary>
public enum PaymentDisposition
{
    /// <summary>Not final (scheduled, in flight, or a value BILL added that PsBill does not know): wait, post nothing.</summary>
    Pending,

    /// <summary>CLEARED: post the amounts.</summary>
    Cleared,

    /// <summary>Voided, canceled, failed or escheated: take back whatever was posted.</summary>
    Reverse,
}

/// <summary>Reads a payment's disposition.</summary>
public static class PaymentDispositions
{
    /// <summary>The disposition of <paramref name="payment"/>.</summary>
    public static PaymentDisposition Of(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.SingleStatus == PaymentSingleStatus.Cleared) return PaymentDisposition.Cleared;
        return PaymentSingleStatus.IsFinal(payment.SingleStatus) ? PaymentDisposition.Reverse : PaymentDisposition.Pending;
    }

    /// <summary>True for statuses BILL documents (final or in flight); false for values to log as unknown.</summary>
    public static bool IsKnown(string? singleStatus) => singleStatus is not null && (
        PaymentSingleStatus.IsFinal(singleStatus)
        || singleStatus is PaymentSingleStatus.Scheduled or "FUNDING_STARTED" or "FUNDING_COMPLETED" or "DISBURSEMENT_STARTED" or "IN_PROCESS" or "PENDING");
}

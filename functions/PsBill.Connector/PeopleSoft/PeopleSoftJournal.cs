namespace PsBill.Connector.PeopleSoft;

/// <summary>A journal to create through the journal CI. Its lines must balance (sum to zero).</summary>
public sealed record PeopleSoftJournal(
    string BusinessUnit, DateOnly JournalDate, string Description, IReadOnlyList<PeopleSoftJournalLine> Lines)
{
    /// <summary>The journal that books a BILL payment of a voucher: debit AP liability, credit cash, both lines
    /// referencing the voucher and the BILL confirmation number.</summary>
    public static PeopleSoftJournal ForVoucherPayment(
        PeopleSoftPaymentRecord payment, string apLiabilityAccount, string cashAccount, string? deptId = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var reference = payment.VoucherId;
        var description = $"BILL payment {payment.Reference} of voucher {payment.BusinessUnit}/{payment.VoucherId}";
        return new PeopleSoftJournal(payment.BusinessUnit, payment.PaymentDate, description,
        [
            new PeopleSoftJournalLine(apLiabilityAccount, deptId, payment.Amount, reference, description),
            new PeopleSoftJournalLine(cashAccount, deptId, -payment.Amount, reference, description),
        ]);
    }
}

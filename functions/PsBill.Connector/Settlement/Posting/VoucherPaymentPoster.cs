using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Settlement.Posting;

/// <summary><see cref="SettlementMode.RecordPayment"/>: records the payment on the voucher through the payment CI
/// (action R, the BILL reference), reverses it with action X, and finds it through the read-only payment status query.</summary>
public sealed class VoucherPaymentPoster(PeopleSoftWriter writer, PeopleSoftReader reader) : ISettlementPoster
{
    /// <inheritdoc />
    public SettlementMode Mode => SettlementMode.RecordPayment;

    /// <inheritdoc />
    public async Task<string> PostAsync(SettlementPosting posting, CancellationToken cancellationToken = default)
    {
        await writer.RecordVoucherPaymentAsync(ToRecord(posting, posting.PaymentDate), cancellationToken).ConfigureAwait(false);
        return posting.Reference;
    }

    /// <inheritdoc />
    public async Task<string> ReverseAsync(SettlementPosting posting, DateOnly reversalDate, CancellationToken cancellationToken = default)
    {
        // The CI cancels the payment with this reference (action X); the date is the original payment's, as PeopleSoft keys it.
        await writer.ReverseVoucherPaymentAsync(ToRecord(posting, posting.PaymentDate), cancellationToken).ConfigureAwait(false);
        return posting.Reference;
    }

    /// <inheritdoc />
    public async Task<PostingPresence> FindAsync(SettlementPosting posting, CancellationToken cancellationToken = default)
    {
        var (businessUnit, voucherId) = Voucher(posting);
        var status = await reader.GetVoucherPaymentStatusAsync(businessUnit, voucherId, cancellationToken).ConfigureAwait(false);
        var found = status.Payments.Where(p => p.IsInForce && string.Equals(p.Reference, posting.Reference, StringComparison.Ordinal)).ToList();
        if (found.Count == 0) return PostingPresence.Absent;
        return found.Sum(p => p.PaidAmount) == posting.Amount ? PostingPresence.InForce : PostingPresence.Different;
    }

    private PeopleSoftPaymentRecord ToRecord(SettlementPosting posting, DateOnly date)
    {
        var (businessUnit, voucherId) = Voucher(posting);
        return new PeopleSoftPaymentRecord(businessUnit, voucherId, posting.Method, posting.Reference, date, posting.Amount);
    }

    private static (string BusinessUnit, string VoucherId) Voucher(SettlementPosting posting) =>
        posting is { BusinessUnit: { } bu, VoucherId: { } id }
            ? (bu, id)
            : throw new InvalidOperationException($"Settlement {posting.Key} has no voucher to post to.");
}

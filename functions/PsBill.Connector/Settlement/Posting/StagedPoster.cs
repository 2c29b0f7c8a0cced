namespace PsBill.Connector.Settlement.Posting;

/// <summary><see cref="SettlementMode.Stage"/>: writes the posting (and a void's reversal) to the settlements table for
/// AP to load with <c>psbill settlements export</c>. Staging is an insert-if-absent keyed by the allocation, so repeating
/// it is harmless and the table always answers <see cref="FindAsync"/> exactly.</summary>
public sealed class StagedPoster(SettlementStore store) : ISettlementPoster
{
    /// <inheritdoc />
    public SettlementMode Mode => SettlementMode.Stage;

    /// <inheritdoc />
    public async Task<string> PostAsync(SettlementPosting posting, CancellationToken cancellationToken = default)
    {
        var row = await store.StageAsync(ToRow(posting, StagedSettlementKind.Payment, posting.PaymentDate), cancellationToken).ConfigureAwait(false);
        return $"{row.Key}:payment";
    }

    /// <inheritdoc />
    public async Task<string> ReverseAsync(SettlementPosting posting, DateOnly reversalDate, CancellationToken cancellationToken = default)
    {
        var row = await store.StageAsync(ToRow(posting, StagedSettlementKind.Reversal, reversalDate), cancellationToken).ConfigureAwait(false);
        return $"{row.Key}:reversal";
    }

    /// <inheritdoc />
    public async Task<PostingPresence> FindAsync(SettlementPosting posting, CancellationToken cancellationToken = default)
    {
        var payment = await store.GetAsync(posting.Key, StagedSettlementKind.Payment, cancellationToken).ConfigureAwait(false);
        if (payment is null) return PostingPresence.Absent;
        if (await store.GetAsync(posting.Key, StagedSettlementKind.Reversal, cancellationToken).ConfigureAwait(false) is not null) return PostingPresence.Absent;
        return payment.Amount == posting.Amount ? PostingPresence.InForce : PostingPresence.Different;
    }

    private static StagedSettlement ToRow(SettlementPosting posting, StagedSettlementKind kind, DateOnly accountingDate) =>
        posting is { BusinessUnit: { } bu, VoucherId: { } id }
            ? new StagedSettlement(posting.Key, kind, posting.PaymentId, posting.BillId, bu, id, posting.Amount, posting.Reference,
                posting.PaymentDate, accountingDate, posting.Method, default)
            : throw new InvalidOperationException($"Settlement {posting.Key} has no voucher to post to.");
}

using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Settlement.Posting;

/// <summary><see cref="SettlementMode.Journal"/>: books the payment as a journal through the journal CI (debit AP
/// liability, credit cash, both lines referencing the voucher) and a void as the mirror journal. PeopleSoft offers no
/// read-only lookup of journals by reference here, so <see cref="FindAsync"/> answers <see cref="PostingPresence.Unknown"/>
/// and the ledger alone knows what was booked.</summary>
public sealed class JournalPoster(PeopleSoftWriter writer, IOptions<PeopleSoftClientOptions> options) : ISettlementPoster
{
    /// <inheritdoc />
    public SettlementMode Mode => SettlementMode.Journal;

    /// <inheritdoc />
    public async Task<string> PostAsync(SettlementPosting posting, CancellationToken cancellationToken = default)
    {
        var created = await writer.CreatePaymentJournalAsync(ToRecord(posting), cancellationToken).ConfigureAwait(false);
        return created.JournalId;
    }

    /// <inheritdoc />
    public async Task<string> ReverseAsync(SettlementPosting posting, DateOnly reversalDate, CancellationToken cancellationToken = default)
    {
        var ci = options.Value.ComponentInterfaces.Journal;
        if (string.IsNullOrWhiteSpace(ci.ApLiabilityAccount) || string.IsNullOrWhiteSpace(ci.CashAccount))
            throw new InvalidOperationException("Payment journals need PsBill:PeopleSoft:ComponentInterfaces:Journal:ApLiabilityAccount and :CashAccount.");
        var record = ToRecord(posting);
        var description = $"Reversal of BILL payment {posting.Reference} of voucher {record.BusinessUnit}/{record.VoucherId}";
        // The mirror of the payment journal: debit cash back, credit AP liability back.
        var journal = new PeopleSoftJournal(record.BusinessUnit, reversalDate, description,
        [
            new PeopleSoftJournalLine(ci.CashAccount, null, posting.Amount, record.VoucherId, description),
            new PeopleSoftJournalLine(ci.ApLiabilityAccount, null, -posting.Amount, record.VoucherId, description),
        ]);
        var created = await writer.CreateJournalAsync(journal, cancellationToken).ConfigureAwait(false);
        return created.JournalId;
    }

    /// <inheritdoc />
    public bool CanFind => false;

    /// <inheritdoc />
    public Task<PostingPresence> FindAsync(SettlementPosting posting, CancellationToken cancellationToken = default) =>
        Task.FromResult(PostingPresence.Unknown);

    private static PeopleSoftPaymentRecord ToRecord(SettlementPosting posting) =>
        posting is { BusinessUnit: { } bu, VoucherId: { } id }
            ? new PeopleSoftPaymentRecord(bu, id, posting.Method, posting.Reference, posting.PaymentDate, posting.Amount)
            : throw new InvalidOperationException($"Settlement {posting.Key} has no voucher to post to.");
}

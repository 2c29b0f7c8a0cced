using System.Globalization;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Settlement.Export;

/// <summary>
/// Writes staged settlements as a journal import flat file (<see cref="JournalImportLayout"/>): one journal per business
/// unit and accounting date; each payment debits AP liability and credits cash, each reversal the opposite, both lines
/// referencing the voucher and described with BILL's reference. Every journal balances.
/// </summary>
public static class JournalImportWriter
{
    /// <summary>Writes the journals; returns how many.</summary>
    /// <exception cref="InvalidOperationException">The AP liability or cash account is not configured.</exception>
    public static async Task<int> WriteAsync(IEnumerable<StagedSettlement> rows, PeopleSoftJournalCiOptions journal, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(writer);
        if (string.IsNullOrWhiteSpace(journal.ApLiabilityAccount) || string.IsNullOrWhiteSpace(journal.CashAccount))
            throw new InvalidOperationException("The journal import needs PsBill:PeopleSoft:ComponentInterfaces:Journal:ApLiabilityAccount and :CashAccount.");

        var journals = 0;
        foreach (var group in rows.GroupBy(r => (r.BusinessUnit, r.AccountingDate)).OrderBy(g => g.Key.BusinessUnit, StringComparer.Ordinal).ThenBy(g => g.Key.AccountingDate))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var date = group.Key.AccountingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await writer.WriteAsync(JournalImportLayout.Format('H', JournalImportLayout.Header,
                [group.Key.BusinessUnit, journal.NewJournalId, date, journal.LedgerGroup, journal.Source, $"PsBill BILL payments {date}"]) + "\r\n").ConfigureAwait(false);
            var line = 0;
            foreach (var row in group)
            {
                // Debit AP liability and credit cash for a payment; the mirror for a reversal.
                var description = $"BILL {row.Reference} {(row.Kind == StagedSettlementKind.Payment ? "paid" : "void")}";
                foreach (var (account, amount) in new[] { (journal.ApLiabilityAccount, row.SignedAmount), (journal.CashAccount, -row.SignedAmount) })
                {
                    await writer.WriteAsync(JournalImportLayout.Format('L', JournalImportLayout.Line,
                    [
                        row.BusinessUnit, (++line).ToString(CultureInfo.InvariantCulture), journal.Ledger, account, "",
                        amount.ToString("0.00", CultureInfo.InvariantCulture), row.VoucherId, description,
                    ]) + "\r\n").ConfigureAwait(false);
                }
            }
            journals++;
        }
        return journals;
    }
}

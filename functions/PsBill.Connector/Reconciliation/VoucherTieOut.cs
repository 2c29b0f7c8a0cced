using System.Globalization;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Reconciliation;

/// <summary>
/// Decides one voucher's line: the four amounts as of a day, then every difference explained by what the ledger knows
/// (parked, in flight, scheduled, voided and reversed, posted outside the voucher) or named as unexplained. Pure: the
/// facts were read beforehand, so the rules can be read, and tested, on their own.
/// </summary>
public static class VoucherTieOut
{
    /// <summary>The line of one voucher.</summary>
    public static TieOutLine Classify(VoucherFacts facts, DateOnly asOf, SettlementMode mode)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var notes = new List<TieOutNote>();
        var bill = facts.Bill;
        var billLive = bill is not null && bill.Archived != true;
        var parts = facts.BillPayments.Where(p => p.Payment.ProcessDate is not { } day || day <= asOf).ToList();
        var psPayments = facts.PeopleSoftPayments.Where(p => p.IsInForce && (p.PaymentDate is not { } day || day <= asOf)).ToList();
        var settlements = facts.Settlements.Where(s => s.Posting.PaymentDate <= asOf).ToList();

        var line = new TieOutLine
        {
            VoucherKey = facts.Key,
            BusinessUnit = facts.BusinessUnit,
            VoucherId = facts.VoucherId,
            BillId = bill?.Id ?? facts.Ledger?.RemoteId,
            PeopleSoftGross = facts.Voucher?.GrossAmount ?? 0m,
            BillAmount = billLive ? bill!.Amount ?? 0m : 0m,
            BillPaid = parts.Where(p => p.IsCleared).Sum(p => p.Amount),
            BillScheduled = parts.Where(p => p.IsPending).Sum(p => p.Amount),
            PeopleSoftPaid = psPayments.Sum(p => p.PaidAmount),
            Status = TieOutStatus.Tied,
        };

        if (facts.ChangedAfterBillRead is { } changed)
        {
            // BILL was read first (on a gate slot), PeopleSoft and the ledger after: a bill sent or a payment posted in between
            // shows on one side only. The next tie-out reads it whole.
            if (line.GrossDifference != 0m || line.PaidDifference != 0m)
                notes.Add(new(TieOutCause.InFlight, $"{facts.Key} changed in the connector at {changed:u}, after BILL was read at {facts.BillReadAt:u}; the next tie-out shows it"));
            return line with { Status = notes.Count > 0 ? TieOutStatus.Explained : TieOutStatus.Tied, Notes = notes };
        }

        ExplainGross(facts, line, notes);
        ExplainPaid(facts, line, parts, psPayments, settlements, mode, notes);

        var status = notes.Any(n => !n.Explains) ? TieOutStatus.Unexplained
            : notes.Count > 0 ? TieOutStatus.Explained
            : TieOutStatus.Tied;
        return line with { Status = status, Notes = notes };
    }

    private static void ExplainGross(VoucherFacts facts, TieOutLine line, List<TieOutNote> notes)
    {
        var key = facts.Key;
        var ledger = facts.Ledger;
        var difference = line.GrossDifference;
        if (ledger?.State == LedgerState.Parked)
        {
            // Parked is explained whatever the amounts: the reason says what to fix.
            notes.Add(new(TieOutCause.Parked, $"{key} is parked: {ledger.ParkedReason ?? "no reason recorded"}"));
            return;
        }

        if (ledger?.State == LedgerState.Failed)
        {
            notes.Add(new(TieOutCause.Unexplained, $"{key} failed in the connector: {ledger.ParkedReason ?? "see its audit trail"}"));
            return;
        }

        if (facts.Voucher is null)
        {
            if (facts.ReadProblem is { } problem)
            {
                notes.Add(new(TieOutCause.InFlight, $"{key}: PeopleSoft's rows cannot be read ({problem}); the next poll parks it"));
                return;
            }

            // No longer approved in PeopleSoft (denied, deleted, closed): the bill should be archived.
            if (line.BillAmount == 0m) return;
            notes.Add(ledger?.State == SyncStates.Archived
                ? new(TieOutCause.Unexplained, $"{key} was withdrawn and its bill {line.BillId} archived, but BILL shows the bill open ({Money(line.BillAmount)}): restored by hand?")
                : new(TieOutCause.InFlight, $"{key} is no longer approved in PeopleSoft; archiving bill {line.BillId} is pending (withdrawn-voucher sweep)"));
            return;
        }

        if (ledger is null || ledger.State == LedgerState.Intent || ledger.State == SyncStates.Skipped || ledger.State == SyncStates.Archived)
        {
            if (difference != 0m || ledger?.State == LedgerState.Intent)
                notes.Add(new(TieOutCause.InFlight, ledger is null
                    ? $"{key} is approved in PeopleSoft and not yet sent to BILL"
                    : $"{key} is being sent to BILL (ledger: {ledger.State}, since {ledger.UpdatedAt:u})"));
            return;
        }

        // Done: BILL must hold the bill the ledger names, at the voucher's gross.
        if (facts.Bill is null)
        {
            notes.Add(new(TieOutCause.Unexplained, $"{key}: bill {ledger.RemoteId} is not in BILL (deleted by hand?); PeopleSoft gross {Money(line.PeopleSoftGross)}"));
            return;
        }

        if (facts.Bill.Archived == true)
        {
            notes.Add(new(TieOutCause.Unexplained, $"{key}: bill {facts.Bill.Id} is archived in BILL while the voucher is approved (archived by hand?)"));
            return;
        }

        if (difference != 0m)
            notes.Add(new(TieOutCause.Unexplained,
                $"{key}: bill {facts.Bill.Id} is {Money(line.BillAmount)} in BILL but the voucher's gross is {Money(line.PeopleSoftGross)} (edited in BILL by hand?)"));
    }

    private static void ExplainPaid(VoucherFacts facts, TieOutLine line, IReadOnlyList<BillPaymentPart> parts,
        IReadOnlyList<PeopleSoft.PeopleSoftVoucherPayment> psPayments, IReadOnlyList<SettlementRow> settlements, SettlementMode mode, List<TieOutNote> notes)
    {
        var key = facts.Key;
        var expected = 0m; // the part of (BILL paid - PeopleSoft paid) that known causes account for
        foreach (var row in settlements)
        {
            var posting = row.Posting;
            var amount = posting.Amount;
            var state = row.Entry.State;
            if (state == LedgerState.Parked && parts.Any(p => p.Payment.Id == posting.PaymentId && p.IsCleared))
            {
                expected += amount;
                notes.Add(new(TieOutCause.Parked, $"payment {posting.PaymentId} ({Money(amount)}) to {key} is parked: {row.Entry.ParkedReason}"));
            }
            else if (state == LedgerState.Intent)
            {
                expected += amount;
                notes.Add(new(TieOutCause.InFlight, $"payment {posting.PaymentId} ({Money(amount)}) to {key} is being posted to PeopleSoft"));
            }
            else if (state == SettlementStates.Reversing)
            {
                expected -= amount;
                notes.Add(new(TieOutCause.VoidedAndReversed, $"payment {posting.PaymentId} ({Money(amount)}) was voided in BILL; its reversal in PeopleSoft is under way"));
            }
            else if (state == LedgerState.Done && posting.Mode != SettlementMode.RecordPayment)
            {
                expected += amount;
                notes.Add(new(TieOutCause.PostedOutsideVoucher, posting.Mode == SettlementMode.Journal
                    ? $"payment {posting.PaymentId} ({Money(amount)}) to {key} was posted as journal {posting.RemoteId}"
                    : $"payment {posting.PaymentId} ({Money(amount)}) to {key} is staged for import"));
            }
        }

        // Cleared in BILL just before it was read, and not yet touched by the settlement: on its way (webhook or the next poll).
        if (facts.BillReadAt is { } readAt)
        {
            foreach (var part in parts.Where(p => p.IsCleared && p.Payment.UpdatedTime is { } updated && updated >= readAt - SettlementGrace
                                                  && !facts.Settlements.Any(s => s.Posting.PaymentId == p.Payment.Id)
                                                  && !psPayments.Any(ps => ps.Reference is { } r && p.References.Contains(r, StringComparer.Ordinal))))
            {
                expected += part.Amount;
                notes.Add(new(TieOutCause.InFlight, $"payment {part.Payment.Id} ({Money(part.Amount)}) to {key} cleared in BILL at {part.Payment.UpdatedTime:u} and is not settled yet"));
            }
        }

        var named = 0m; // differences already named as unexplained below, so they are not reported twice
        var references = parts.SelectMany(p => p.References.Select(r => (Reference: r, Part: p))).ToLookup(x => x.Reference, x => x.Part, StringComparer.Ordinal);
        var postedReferences = settlements.Select(s => s.Posting.Reference).ToHashSet(StringComparer.Ordinal);
        foreach (var payment in psPayments)
        {
            var matched = payment.Reference is { } reference ? references[reference].ToList() : [];
            if (matched.Count == 0 && (payment.Reference is null || !postedReferences.Contains(payment.Reference)))
            {
                named -= payment.PaidAmount;
                notes.Add(new(TieOutCause.Unexplained,
                    $"{key}: PeopleSoft shows payment {payment.PaymentId ?? "?"} of {Money(payment.PaidAmount)} (reference {payment.Reference ?? "none"}) that matches no BILL payment (recorded by hand?)"));
            }
            else if (matched.Count > 0 && matched.All(p => p.IsPending))
            {
                expected -= payment.PaidAmount;
                notes.Add(new(TieOutCause.ScheduledInBill, $"{key}: PeopleSoft shows payment {payment.Reference} that BILL still shows as {matched[0].Payment.SingleStatus}"));
            }
            else if (matched.Count > 0 && matched.All(p => p.IsUndone)
                     && !settlements.Any(s => s.Entry.State == SettlementStates.Reversing && s.Posting.Reference == payment.Reference))
            {
                named -= payment.PaidAmount;
                notes.Add(new(TieOutCause.Unexplained,
                    $"{key}: payment {payment.Reference} ({Money(payment.PaidAmount)}) is {matched[0].Payment.SingleStatus} in BILL but still in force in PeopleSoft"));
            }
        }

        if (mode == SettlementMode.RecordPayment && parts.Any(p => p.IsUndone) && notes.Count == 0 && line.PaidDifference == 0m
            && facts.PeopleSoftPayments.Any(p => !p.IsInForce))
            notes.Add(new(TieOutCause.VoidedAndReversed, $"{key}: a payment voided in BILL was reversed in PeopleSoft"));

        var rest = line.PaidDifference - expected - named;
        if (rest != 0m)
            notes.Add(new(TieOutCause.Unexplained,
                $"{key}: BILL paid {Money(line.BillPaid)}, PeopleSoft shows {Money(line.PeopleSoftPaid)}; {Money(rest)} of that is unexplained"));
    }

    /// <summary>A payment BILL cleared this recently before it was read and the connector has not settled yet is on its way, not
    /// unexplained: PollPayments runs every 15 minutes by default, so two of its runs.</summary>
    public static readonly TimeSpan SettlementGrace = TimeSpan.FromMinutes(30);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}

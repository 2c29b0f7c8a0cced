using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;

namespace PsBill.Connector.Reconciliation;

/// <summary>
/// Builds the tie-out report from both systems, not from the ledger alone: every approved voucher from PeopleSoft's
/// approved-vouchers query and its payments from the payment-status query; every bill and payment from BILL's lists; the
/// ledger only to explain. A bill deleted or edited by hand in BILL, a payment recorded by hand in PeopleSoft and a bill with
/// no voucher therefore all show up. One call per voucher goes to the payment-status query (PeopleSoft has no bulk form),
/// at most <see cref="PeopleSoftResilienceOptions.MaxConcurrentCalls"/> at a time: run it after a payment cycle, not every minute.
/// </summary>
public sealed class TieOutService(
    PeopleSoftReader peopleSoft,
    BillClient bill,
    LedgerStore ledger,
    IOptions<PeopleSoftClientOptions> peopleSoftOptions,
    IOptions<SettlementOptions> settlementOptions,
    TimeProvider time,
    ILogger<TieOutService> logger)
{
    /// <summary>The business unit of lines for bills no voucher explains.</summary>
    public const string NoBusinessUnit = "(none)";

    /// <summary>Reads both systems and ties them out as of <paramref name="asOf"/> (default: today, UTC). BILL is read first
    /// (<see cref="ReadBillAsync"/>), then PeopleSoft and the ledger.</summary>
    /// <exception cref="PeopleSoftException">PeopleSoft could not be read.</exception>
    /// <exception cref="BillApiException">BILL could not be read.</exception>
    public async Task<TieOutReport> BuildAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        await BuildAsync(await ReadBillAsync(cancellationToken).ConfigureAwait(false), asOf, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads every bill and payment from BILL (run it on a BILL slot: it is a few list calls).</summary>
    /// <exception cref="BillApiException">BILL could not be read.</exception>
    public async Task<BillTieOutSnapshot> ReadBillAsync(CancellationToken cancellationToken = default)
    {
        var readAt = time.GetUtcNow();
        var bills = new List<VendorBill>();
        await foreach (var b in bill.ListBillsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) bills.Add(b);
        var payments = new List<Payment>();
        await foreach (var payment in bill.ListPaymentsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) payments.Add(payment);
        return new BillTieOutSnapshot(readAt, bills, payments);
    }

    /// <summary>Ties out what BILL showed in <paramref name="billRead"/> against PeopleSoft and the ledger, read now. What the
    /// connector changed after BILL was read is "in flight" for this report (it shows in the next one).</summary>
    /// <exception cref="PeopleSoftException">PeopleSoft could not be read.</exception>
    public async Task<TieOutReport> BuildAsync(BillTieOutSnapshot billRead, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(billRead);
        var now = time.GetUtcNow();
        var day = asOf ?? DateOnly.FromDateTime(now.UtcDateTime);

        var vouchers = new Dictionary<string, (PeopleSoftVoucher? Voucher, string? Problem)>(StringComparer.Ordinal);
        await foreach (var read in peopleSoft.ReadApprovedVouchersAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (read.Record is { } voucher) vouchers[voucher.Key] = (voucher, null);
            else if (read.Error is { } error) vouchers[error.RecordKey] = (null, $"{error.Field} {error.Reason}");
        }

        var voucherRows = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await foreach (var row in ledger.QueryByKindAsync(WorkItemKind.Voucher.Value, cancellationToken).ConfigureAwait(false)) voucherRows[row.Key] = row;
        var settlements = new List<SettlementRow>();
        await foreach (var row in ledger.QueryByKindAsync(WorkItemKind.Payment.Value, cancellationToken).ConfigureAwait(false))
        {
            if (SettlementPosting.TryParse(row.Detail) is { VoucherKey: not null } posting) settlements.Add(new SettlementRow(row, posting));
        }

        var bills = new Dictionary<string, VendorBill>(StringComparer.Ordinal);
        foreach (var b in billRead.Bills)
        {
            if (b.Id is { } id) bills[id] = b;
        }
        var partsByBill = new Dictionary<string, List<BillPaymentPart>>(StringComparer.Ordinal);
        foreach (var payment in billRead.Payments)
        {
            foreach (var part in Allocations(payment))
            {
                if (!partsByBill.TryGetValue(part.BillId, out var list)) partsByBill[part.BillId] = list = [];
                list.Add(new BillPaymentPart(payment, part.Amount));
            }
        }

        // In scope: what PeopleSoft approves now (dated up to the day), and what the ledger sent that PeopleSoft no longer approves.
        var keys = vouchers.Where(v => v.Value.Voucher is not { } voucher || (voucher.AccountingDate ?? voucher.InvoiceDate) <= day)
            .Select(v => v.Key)
            .Concat(voucherRows.Keys.Where(k => !vouchers.ContainsKey(k)))
            .Distinct(StringComparer.Ordinal)
            .Where(k => SettlementKeys.VoucherOf(k) is not null)
            .ToList();

        var payments = await ReadPeopleSoftPaymentsAsync(keys, cancellationToken).ConfigureAwait(false);
        var settlementsByVoucher = settlements.ToLookup(s => s.Posting.VoucherKey!, StringComparer.Ordinal);
        var lines = new List<TieOutLine>(keys.Count + 8);
        var mode = settlementOptions.Value.Mode;
        foreach (var key in keys)
        {
            var (businessUnit, voucherId) = SettlementKeys.VoucherOf(key)!.Value;
            vouchers.TryGetValue(key, out var fromPeopleSoft);
            voucherRows.TryGetValue(key, out var row);
            var billId = row?.RemoteId;
            var facts = new VoucherFacts
            {
                Key = key, BusinessUnit = businessUnit, VoucherId = voucherId,
                Voucher = fromPeopleSoft.Voucher, ReadProblem = fromPeopleSoft.Problem, Ledger = row,
                Bill = billId is not null ? bills.GetValueOrDefault(billId) : null,
                BillPayments = billId is not null && partsByBill.TryGetValue(billId, out var parts) ? parts : [],
                PeopleSoftPayments = payments.GetValueOrDefault(key) ?? [],
                Settlements = settlementsByVoucher[key].ToList(),
                BillReadAt = billRead.ReadAt,
            };
            // A ledger-only voucher whose bill is archived and unpaid is history, not part of the tie-out.
            if (facts.Voucher is null && facts.ReadProblem is null && facts.Ledger?.State != LedgerState.Parked
                && facts.Bill is not { Archived: false } && facts.PeopleSoftPayments.Count == 0 && facts.BillPayments.Count == 0)
                continue;
            lines.Add(VoucherTieOut.Classify(facts, day, mode));
        }

        var known = voucherRows.Values.Select(r => r.RemoteId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in bills.Values.Where(b => b.Archived != true && !known.Contains(b.Id!) && (b.Invoice?.InvoiceDate is not { } d || d <= day)))
            lines.Add(OrphanBill(orphan, partsByBill.GetValueOrDefault(orphan.Id!) ?? [], day));

        var report = TieOutReport.From(day, now, lines);
        ReconciliationLog.Built(logger, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Vouchers, report.Tied, report.Explained, report.Unexplained);
        return report;
    }

    private async Task<ConcurrentDictionary<string, IReadOnlyList<PeopleSoftVoucherPayment>>> ReadPeopleSoftPaymentsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var payments = new ConcurrentDictionary<string, IReadOnlyList<PeopleSoftVoucherPayment>>(StringComparer.Ordinal);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, peopleSoftOptions.Value.Resilience.MaxConcurrentCalls),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(keys, parallel, async (key, token) =>
        {
            var (businessUnit, voucherId) = SettlementKeys.VoucherOf(key)!.Value;
            var status = await peopleSoft.GetVoucherPaymentStatusAsync(businessUnit, voucherId, token).ConfigureAwait(false);
            payments[key] = status.Payments;
        }).ConfigureAwait(false);
        return payments;
    }

    private static IEnumerable<(string BillId, decimal Amount)> Allocations(Payment payment)
    {
        if (payment.BillPayments is { Count: > 0 } allocations)
            return allocations.Where(a => a.BillId is not null).Select(a => (a.BillId!, a.Amount ?? 0m));
        return payment.BillId is { } billId ? [(billId, payment.Amount ?? 0m)] : [];
    }

    private static TieOutLine OrphanBill(VendorBill orphan, IReadOnlyList<BillPaymentPart> parts, DateOnly day)
    {
        var dated = parts.Where(p => p.Payment.ProcessDate is not { } d || d <= day).ToList();
        return new TieOutLine
        {
            BusinessUnit = NoBusinessUnit,
            BillId = orphan.Id,
            BillAmount = orphan.Amount ?? 0m,
            BillPaid = dated.Where(p => p.IsCleared).Sum(p => p.Amount),
            BillScheduled = dated.Where(p => p.IsPending).Sum(p => p.Amount),
            Status = TieOutStatus.Unexplained,
            Notes =
            [
                new(TieOutCause.Unexplained,
                    $"bill {orphan.Id} (vendor {orphan.VendorName ?? orphan.VendorId}, invoice {orphan.Invoice?.InvoiceNumber ?? "?"}, {(orphan.Amount ?? 0m).ToString("0.00", CultureInfo.InvariantCulture)}) is in BILL but comes from no voucher"),
            ],
        };
    }
}

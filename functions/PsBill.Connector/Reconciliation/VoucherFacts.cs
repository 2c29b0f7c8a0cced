using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Reconciliation;

/// <summary>What both systems and the ledger say about one voucher, read for the tie-out.</summary>
public sealed record VoucherFacts
{
    /// <summary><c>voucher:{BU}:{VOUCHER_ID}</c>.</summary>
    public required string Key { get; init; }
    public required string BusinessUnit { get; init; }
    public required string VoucherId { get; init; }

    /// <summary>The voucher as the approved-vouchers query returns it; null when it does not (withdrawn, or unreadable).</summary>
    public PeopleSoftVoucher? Voucher { get; init; }

    /// <summary>Why PeopleSoft's rows of the voucher could not be read, when they could not.</summary>
    public string? ReadProblem { get; init; }

    /// <summary>The connector's ledger row of the voucher, if any.</summary>
    public LedgerEntry? Ledger { get; init; }

    /// <summary>The bill the ledger names, as BILL lists it now; null when the ledger names none or BILL has no such bill.</summary>
    public VendorBill? Bill { get; init; }

    /// <summary>The BILL payments applied to that bill.</summary>
    public IReadOnlyList<BillPaymentPart> BillPayments { get; init; } = [];

    /// <summary>The payments PeopleSoft shows on the voucher (the payment-status query), in force or not.</summary>
    public IReadOnlyList<PeopleSoftVoucherPayment> PeopleSoftPayments { get; init; } = [];

    /// <summary>The settlement rows that post to this voucher.</summary>
    public IReadOnlyList<SettlementRow> Settlements { get; init; } = [];

    /// <summary>When BILL was read (before PeopleSoft and the ledger), if the facts come from a <see cref="BillTieOutSnapshot"/>.</summary>
    public DateTimeOffset? BillReadAt { get; init; }

    /// <summary>The newest change the connector made to this voucher or its payments after BILL was read, if any: BILL's read
    /// cannot show it yet, so the line's differences are in flight, not unexplained.</summary>
    public DateTimeOffset? ChangedAfterBillRead
    {
        get
        {
            if (BillReadAt is not { } readAt) return null;
            var changes = Settlements.Select(s => s.Entry.UpdatedAt).Where(t => t >= readAt).ToList();
            if (Ledger is { } row && row.UpdatedAt >= readAt) changes.Add(row.UpdatedAt);
            return changes.Count > 0 ? changes.Max() : null;
        }
    }
}

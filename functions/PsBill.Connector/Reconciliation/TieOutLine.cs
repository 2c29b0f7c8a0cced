namespace PsBill.Connector.Reconciliation;

/// <summary>
/// One voucher (or one BILL bill without a voucher) in the tie-out: the four amounts, to the cent, and the verdict.
/// <see cref="GrossDifference"/> = PeopleSoft gross - BILL bill amount; <see cref="PaidDifference"/> = BILL paid - payments in PeopleSoft.
/// </summary>
public sealed record TieOutLine
{
    /// <summary><c>voucher:{BU}:{VOUCHER_ID}</c>, or null for a BILL bill that no voucher explains.</summary>
    public string? VoucherKey { get; init; }

    /// <summary>The voucher's business unit (<c>(none)</c> for a bill without voucher).</summary>
    public required string BusinessUnit { get; init; }

    /// <summary>The voucher id, if any.</summary>
    public string? VoucherId { get; init; }

    /// <summary>The BILL bill id, if any.</summary>
    public string? BillId { get; init; }

    /// <summary>GROSS_AMT of the approved voucher (0 when PeopleSoft no longer returns it as approved).</summary>
    public decimal PeopleSoftGross { get; init; }

    /// <summary>The bill's amount in BILL (0 when there is none, or it is archived).</summary>
    public decimal BillAmount { get; init; }

    /// <summary>What BILL cleared against the bill up to the as-of date.</summary>
    public decimal BillPaid { get; init; }

    /// <summary>What BILL shows scheduled or in process against the bill (not in <see cref="BillPaid"/>).</summary>
    public decimal BillScheduled { get; init; }

    /// <summary>The payments in force on the voucher in PeopleSoft (the payment-status query), up to the as-of date.</summary>
    public decimal PeopleSoftPaid { get; init; }

    /// <summary>Gross minus bill amount.</summary>
    public decimal GrossDifference => PeopleSoftGross - BillAmount;

    /// <summary>BILL paid minus PeopleSoft paid.</summary>
    public decimal PaidDifference => BillPaid - PeopleSoftPaid;

    /// <summary>Tied, explained or unexplained.</summary>
    public required TieOutStatus Status { get; init; }

    /// <summary>Why, one note per reason.</summary>
    public IReadOnlyList<TieOutNote> Notes { get; init; } = [];
}

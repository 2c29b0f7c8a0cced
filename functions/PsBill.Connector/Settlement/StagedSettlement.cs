namespace PsBill.Connector.Settlement;

/// <summary>One row of the settlements table: a payment (or its reversal) waiting for AP to load it.</summary>
/// <param name="Key">The allocation's ledger key, <c>payment:{paymentId}:{billId}</c>.</param>
/// <param name="Kind">Payment or reversal.</param>
/// <param name="PaymentId">The BILL payment id.</param>
/// <param name="BillId">The BILL bill id.</param>
/// <param name="BusinessUnit">The voucher's business unit.</param>
/// <param name="VoucherId">The voucher id.</param>
/// <param name="Amount">The amount paid (positive for both kinds; the kind gives the direction).</param>
/// <param name="Reference">BILL's confirmation (or transaction) number.</param>
/// <param name="PaymentDate">The day BILL paid.</param>
/// <param name="AccountingDate">The day to book: the payment date, or the day of the void for a reversal.</param>
/// <param name="Method">PYMNT_METHOD.</param>
/// <param name="StagedAt">When the row was written.</param>
/// <param name="ExportedAt">When an export first included it, or null.</param>
public sealed record StagedSettlement(
    string Key,
    StagedSettlementKind Kind,
    string PaymentId,
    string BillId,
    string BusinessUnit,
    string VoucherId,
    decimal Amount,
    string Reference,
    DateOnly PaymentDate,
    DateOnly AccountingDate,
    string Method,
    DateTimeOffset StagedAt,
    DateTimeOffset? ExportedAt = null)
{
    /// <summary>The amount with its sign as AP sees it: positive for a payment, negative for a reversal.</summary>
    public decimal SignedAmount => Kind == StagedSettlementKind.Payment ? Amount : -Amount;
}

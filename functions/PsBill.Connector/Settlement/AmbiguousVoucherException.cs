namespace PsBill.Connector.Settlement;

/// <summary>The ledger records one BILL bill on two vouchers (a sync defect): settlement refuses to guess which one was paid.</summary>
public sealed class AmbiguousVoucherException(string billId, string firstVoucherKey, string secondVoucherKey)
    : Exception($"BILL bill {billId} is recorded on two vouchers ({firstVoucherKey}, {secondVoucherKey}); fix the ledger, then replay the payment.")
{
    /// <summary>The bill.</summary>
    public string BillId { get; } = billId;

    /// <summary>The vouchers that claim it.</summary>
    public IReadOnlyList<string> VoucherKeys { get; } = [firstVoucherKey, secondVoucherKey];
}

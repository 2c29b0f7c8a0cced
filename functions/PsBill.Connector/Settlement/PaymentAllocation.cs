using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Settlement;

/// <summary>The part of a BILL payment applied to one bill.</summary>
/// <param name="BillId">The bill.</param>
/// <param name="Amount">The amount applied to it.</param>
public sealed record PaymentAllocation(string BillId, decimal Amount)
{
    /// <summary>
    /// The allocations of a payment: its <c>billPayments</c>, or the single <c>billId</c> with the payment's amount.
    /// Two parts for the same bill are added up (the ledger key is per payment and bill).
    /// </summary>
    /// <exception cref="FormatException">The payment names no bill, or a part has no amount.</exception>
    public static IReadOnlyList<PaymentAllocation> Of(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.BillPayments is { Count: > 0 } parts)
        {
            return parts
                .Select(p => (
                    BillId: string.IsNullOrWhiteSpace(p.BillId) ? throw new FormatException($"Payment {payment.Id} has a bill allocation without a bill id.") : p.BillId,
                    Amount: p.Amount ?? (parts.Count == 1 ? payment.Amount : null) ?? throw new FormatException($"Payment {payment.Id} has no amount for bill {p.BillId}.")))
                .GroupBy(p => p.BillId, StringComparer.Ordinal)
                .Select(g => new PaymentAllocation(g.Key, g.Sum(p => p.Amount)))
                .ToList();
        }
        if (!string.IsNullOrWhiteSpace(payment.BillId) && payment.Amount is { } amount) return [new PaymentAllocation(payment.BillId, amount)];
        throw new FormatException($"Payment {payment.Id} names no bill (no billPayments and no billId).");
    }
}

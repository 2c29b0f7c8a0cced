using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Settlement;

/// <summary>
/// One payment of a settlement work item as BILL answered (<see cref="PaymentSettlementHandler.ReadAsync"/>): the payment,
/// or why it could not be read. Small and serializable: the read runs on a BillGate slot, the settling after it does not.
/// </summary>
/// <param name="PaymentId">The BILL payment id (empty for keys that are not payment keys).</param>
/// <param name="Keys">The item's keys of this payment.</param>
/// <param name="Payment">The payment as BILL shows it now, when read.</param>
/// <param name="Failure">Why the payment cannot be settled (BILL refused it, or the keys are not payment keys).</param>
/// <param name="RetryReason">Why the read should be tried again later (rate limit, outage).</param>
/// <param name="RetryAfter">How long to wait before that.</param>
public sealed record PaymentRead(string PaymentId, IReadOnlyList<string> Keys, Payment? Payment = null, string? Failure = null, string? RetryReason = null, TimeSpan RetryAfter = default);

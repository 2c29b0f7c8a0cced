using PsBill.Simulators.Bill;

namespace PsBill.Sandbox.Settlement;

/// <summary>One payment the phase makes in BILL.</summary>
/// <param name="Bills">The bills and amounts it covers.</param>
/// <param name="Delivery">What happens to its notifications on the way.</param>
/// <param name="VoidAfterClearing">Voided once its clearing settled.</param>
/// <param name="Pending">Left SCHEDULED (never final).</param>
/// <param name="SecondPart">The remainder of a bill paid in part, paid after the first part settled.</param>
internal sealed record PlannedPayment(
    IReadOnlyList<SimulatedBillPayment> Bills,
    WebhookDelivery Delivery,
    bool VoidAfterClearing = false,
    bool Pending = false,
    SimulatedBillPayment? SecondPart = null)
{
    /// <summary>The payment's id once made.</summary>
    public string? PaymentId { get; set; }
}

namespace PsBill.Simulators.Bill;

/// <summary>
/// A payment to make in BILL as if an approver paid: one vendor, one or more bills (a payment may cover several),
/// full or partial amounts, and the <c>singleStatus</c> it starts in (<c>CLEARED</c>, or an in-flight state such as
/// <c>SCHEDULED</c> to clear or void later). Subscribers get a signed <c>payment.updated</c> notification.
/// </summary>
public sealed record SimulatedPaymentRequest
{
    public required IReadOnlyList<SimulatedBillPayment> Bills { get; init; }
    public string SingleStatus { get; init; } = "CLEARED";
    /// <summary>Defaults to today by the simulator's clock.</summary>
    public DateOnly? ProcessDate { get; init; }
}

namespace PsBill.Simulators.Bill;

/// <summary>A bill as the simulator holds it, amounts as BILL computed them.</summary>
public sealed record SimulatedBill(
    string Id,
    string VendorId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    decimal Amount,
    decimal PaidAmount,
    decimal DueAmount,
    string PaymentStatus,
    bool Archived,
    IReadOnlyList<SimulatedBillLine> Lines);

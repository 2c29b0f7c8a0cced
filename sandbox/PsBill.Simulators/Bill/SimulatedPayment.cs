namespace PsBill.Simulators.Bill;

/// <summary>A payment as the simulator holds it.</summary>
public sealed record SimulatedPayment(
    string Id,
    string VendorId,
    decimal Amount,
    string SingleStatus,
    bool Online,
    IReadOnlyList<SimulatedBillPayment> Bills,
    DateTimeOffset UpdatedTime);

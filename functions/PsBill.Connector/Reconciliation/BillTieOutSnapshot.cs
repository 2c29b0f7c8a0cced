using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Reconciliation;

/// <summary>
/// What BILL showed for the tie-out: every bill and every payment, read in one go. The scheduled tie-out reads it while
/// holding a BillGate slot and keeps it in a blob, so the long PeopleSoft side is read without one.
/// </summary>
/// <param name="ReadAt">When the read began: what the connector changed after it is not in the read.</param>
/// <param name="Bills">Every bill, archived ones included.</param>
/// <param name="Payments">Every payment.</param>
public sealed record BillTieOutSnapshot(DateTimeOffset ReadAt, IReadOnlyList<VendorBill> Bills, IReadOnlyList<Payment> Payments);

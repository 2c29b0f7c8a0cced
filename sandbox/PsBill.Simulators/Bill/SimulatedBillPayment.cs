namespace PsBill.Simulators.Bill;

/// <summary>The part of a simulated payment applied to one bill; a null amount pays what is still due.</summary>
public sealed record SimulatedBillPayment(string BillId, decimal? Amount = null);

namespace PsBill.Simulators.Bill;

/// <summary>A bill line as the simulator holds it.</summary>
public sealed record SimulatedBillLine(string Id, decimal Amount, string? Description, string? ChartOfAccountId, string? DepartmentId);

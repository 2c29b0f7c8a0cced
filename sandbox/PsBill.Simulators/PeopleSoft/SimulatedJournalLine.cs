namespace PsBill.Simulators.PeopleSoft;

/// <summary>A journal line; positive amounts debit.</summary>
public sealed record SimulatedJournalLine(int LineNumber, string Ledger, string Account, string? DeptId, decimal Amount, string? Reference, string? Description);

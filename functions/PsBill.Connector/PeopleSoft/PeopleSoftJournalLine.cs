namespace PsBill.Connector.PeopleSoft;

/// <summary>A journal line: positive amounts debit, negative credit.</summary>
public sealed record PeopleSoftJournalLine(string Account, string? DeptId, decimal Amount, string? Reference, string? Description);

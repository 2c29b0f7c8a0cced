namespace PsBill.Connector.Sync.Adoption;

/// <summary>What PeopleSoft knows of a supplier beyond what PsBill sends to BILL, used only to recognize an existing vendor.
/// Never stored, logged or sent.</summary>
/// <param name="TaxId">The supplier's tax id, when the suppliers query selects it.</param>
/// <param name="BankAccountNumber">The supplier's bank account number, when selected.</param>
/// <param name="BankRoutingNumber">Its routing number, when selected.</param>
public sealed record MatchKeys(string? TaxId, string? BankAccountNumber, string? BankRoutingNumber);

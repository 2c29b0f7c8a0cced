namespace PsBill.Connector.Bill.Models;

/// <summary>The account type (EXPENSE, ACCOUNTS_PAYABLE, BANK, ...) and number of a chart-of-accounts entry.</summary>
public sealed record ChartOfAccountAccount
{
    public string? Type { get; init; }
    /// <summary>The GL account number; the connector matches PeopleSoft accounts on it.</summary>
    public string? Number { get; init; }
}

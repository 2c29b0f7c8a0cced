namespace PsBill.Connector.Bill.Models;

/// <summary>A vendor's bank account for electronic payment. Sensitive: never log.</summary>
public sealed record VendorBankAccount
{
    public string? NameOnAccount { get; init; }
    public string? AccountNumber { get; init; }
    public string? RoutingNumber { get; init; }
    /// <summary>CHECKING or SAVINGS.</summary>
    public string? Type { get; init; }
    /// <summary>BUSINESS or PERSON.</summary>
    public string? OwnerType { get; init; }
    public string? PaymentCurrency { get; init; }
}

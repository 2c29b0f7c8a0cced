namespace PsBill.Connector.Bill.Models;

/// <summary>How a vendor is paid. Bank details are only accepted on create; never log them.</summary>
public sealed record VendorPaymentInformation
{
    public string? PayeeName { get; init; }
    public string? Email { get; init; }
    public string? PayByType { get; init; }
    public VendorBankAccount? BankAccount { get; init; }
}

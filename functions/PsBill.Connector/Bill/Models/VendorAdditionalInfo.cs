namespace PsBill.Connector.Bill.Models;

/// <summary>Tax and terms details of a vendor.</summary>
public sealed record VendorAdditionalInfo
{
    public string? TaxId { get; init; }
    /// <summary>EIN or SSN.</summary>
    public string? TaxIdType { get; init; }
    public bool? Track1099 { get; init; }
    public string? PaymentTermId { get; init; }
    public string? CompanyName { get; init; }
    public int? LeadTimeInDays { get; init; }
}

namespace PsBill.Connector.Bill.Models;

/// <summary>A vendor's address. BILL needs line1, city, zipOrPostalCode and country to pay by check.</summary>
public sealed record VendorAddress
{
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? ZipOrPostalCode { get; init; }
    /// <summary>Two-letter country code.</summary>
    public string? Country { get; init; }
}

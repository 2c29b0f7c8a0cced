namespace PsBill.Connector.Bill.Models;

/// <summary>A BILL vendor (ids start <c>009</c>). The same shape serves create, update (only the set fields are sent)
/// and read. BILL has no external id field: the link to a PeopleSoft supplier is kept by the connector.</summary>
public sealed record Vendor
{
    public string? Id { get; init; }
    public bool? Archived { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public string? AccountNumber { get; init; }
    /// <summary>BUSINESS, PERSON, NONE or UNDEFINED.</summary>
    public string? AccountType { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public VendorAddress? Address { get; init; }
    public VendorPaymentInformation? PaymentInformation { get; init; }
    public VendorAdditionalInfo? AdditionalInfo { get; init; }
    /// <summary>ISO currency code, e.g. USD.</summary>
    public string? BillCurrency { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}

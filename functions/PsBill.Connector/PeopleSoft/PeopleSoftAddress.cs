namespace PsBill.Connector.PeopleSoft;

/// <summary>A supplier address row (<c>PS_VENDOR_ADDR</c>).</summary>
public sealed record PeopleSoftAddress(
    int SequenceNumber,
    string? Address1,
    string? Address2,
    string? Address3,
    string? City,
    string? State,
    string? PostalCode,
    string? Country);

namespace PsBill.Simulators.PeopleSoft;

/// <summary>One effective-dated address row (<c>PS_VENDOR_ADDR</c>) with its email and phone.</summary>
public sealed record SimulatedAddress(
    int SequenceNumber,
    DateOnly EffectiveDate,
    string EffectiveStatus,
    string Address1,
    string? Address2,
    string City,
    string? State,
    string PostalCode,
    string Country,
    string? Email,
    string? Phone);

namespace PsBill.Simulators.Bill;

/// <summary>A vendor to seed as if keyed into BILL by hand before the connector.</summary>
public sealed record SimulatedVendorSeed(string Name, string? Email = null, string? Line1 = null, string? City = null, string? PostalCode = null, string? Country = null, string? TaxId = null);

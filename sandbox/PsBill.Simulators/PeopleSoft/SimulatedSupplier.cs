namespace PsBill.Simulators.PeopleSoft;

/// <summary>A supplier as the simulator keeps it (<c>PS_VENDOR</c> with its address rows).</summary>
/// <param name="Status">VENDOR_STATUS: A approved, I inactive, U unapproved.</param>
/// <param name="RawOverrides">Column values (plain column name) sent as this text instead of the typed value: how the generator makes malformed rows.</param>
public sealed record SimulatedSupplier(
    string SetId,
    string VendorId,
    string Name,
    string Status,
    DateTime ChangedAt,
    IReadOnlyList<SimulatedAddress> Addresses,
    IReadOnlyDictionary<string, string?>? RawOverrides = null)
{
    /// <summary><c>supplier:{SETID}:{VENDOR_ID}</c>, the connector's ledger key.</summary>
    public string Key => $"supplier:{SetId}:{VendorId}";
}

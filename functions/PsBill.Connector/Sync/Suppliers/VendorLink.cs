namespace PsBill.Connector.Sync.Suppliers;

/// <summary>The BILL vendor of a supplier, or why there is none yet.</summary>
/// <param name="VendorId">The BILL vendor id, when the vendor is there.</param>
/// <param name="Problem">Why there is none (for the voucher's park or retry reason).</param>
/// <param name="Retry">True when it may appear soon by itself (being created): retry rather than park.</param>
/// <param name="Adopted">True when the vendor was keyed into BILL before PsBill (its bills may have been too).</param>
public sealed record VendorLink(string? VendorId, string? Problem, bool Retry, bool Adopted = false)
{
    /// <summary>The vendor is there.</summary>
    public static VendorLink Found(string vendorId, bool adopted = false) => new(vendorId, null, false, adopted);
}

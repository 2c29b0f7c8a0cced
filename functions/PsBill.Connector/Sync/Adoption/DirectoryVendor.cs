using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>A BILL vendor with its name prepared for matching once per listing.</summary>
public sealed record DirectoryVendor(Vendor Vendor, string NormalizedName, HashSet<string> NamePairs)
{
    /// <summary>Prepares a vendor.</summary>
    public static DirectoryVendor Of(Vendor vendor)
    {
        var normalized = VendorNames.Normalize(vendor.Name);
        return new DirectoryVendor(vendor, normalized, VendorNames.Pairs(normalized));
    }
}

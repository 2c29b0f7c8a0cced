namespace PsBill.Connector.Sync.Adoption;

/// <summary>What kind of BILL object was adopted.</summary>
public enum AdoptedKind
{
    /// <summary>A vendor, by a supplier.</summary>
    Vendor,

    /// <summary>A bill, by a voucher.</summary>
    Bill,
}

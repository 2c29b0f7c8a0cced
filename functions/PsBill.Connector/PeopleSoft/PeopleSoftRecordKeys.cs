namespace PsBill.Connector.PeopleSoft;

/// <summary>The ledger keys of PeopleSoft records, as DESIGN.md fixes them.</summary>
public static class PeopleSoftRecordKeys
{
    /// <summary><c>supplier:{SETID}:{VENDOR_ID}</c>.</summary>
    public static string Supplier(string setId, string vendorId) => $"supplier:{setId}:{vendorId}";

    /// <summary><c>voucher:{BUSINESS_UNIT}:{VOUCHER_ID}</c>.</summary>
    public static string Voucher(string businessUnit, string voucherId) => $"voucher:{businessUnit}:{voucherId}";

    /// <summary><c>account:{SETID}:{ACCOUNT}</c>.</summary>
    public static string GlAccount(string setId, string account) => $"account:{setId}:{account}";

    /// <summary><c>department:{SETID}:{DEPTID}</c>.</summary>
    public static string Department(string setId, string deptId) => $"department:{setId}:{deptId}";
}

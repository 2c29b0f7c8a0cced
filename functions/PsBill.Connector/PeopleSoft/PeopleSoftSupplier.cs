namespace PsBill.Connector.PeopleSoft;

/// <summary>A supplier (<c>PS_VENDOR</c>) with its current address.</summary>
/// <param name="SetId">SETID: suppliers are shared by the business units of one setid.</param>
/// <param name="VendorId">VENDOR_ID.</param>
/// <param name="Name">NAME1.</param>
/// <param name="Status">VENDOR_STATUS: A approved, I inactive, U unapproved.</param>
/// <param name="Address">The current address (effective-dated, lowest sequence number), or null when it has none.</param>
/// <param name="Email">EMAILID of that address, if any.</param>
/// <param name="Phone">Phone of that address, if any.</param>
/// <param name="ChangedAt">The last-changed timestamp, in PeopleSoft's own (database) time.</param>
public sealed record PeopleSoftSupplier(
    string SetId,
    string VendorId,
    string Name,
    string Status,
    PeopleSoftAddress? Address,
    string? Email,
    string? Phone,
    DateTime ChangedAt)
{
    /// <summary>The tax id (optional column <c>STD_ID_NUM</c>, e.g. from <c>PS_VENDOR_ID_NBRS</c>): used only to recognize a vendor keyed into BILL by hand.</summary>
    public string? TaxId { get; init; }

    /// <summary>The bank account number (optional column <c>BANK_ACCOUNT_NUM</c>, <c>PS_VNDR_BANK_ACCT</c>): only to recognize a vendor; never sent or logged.</summary>
    public string? BankAccountNumber { get; init; }

    /// <summary>The bank's routing number (optional column <c>DFI_ID</c>): only to recognize a vendor.</summary>
    public string? BankRoutingNumber { get; init; }

    /// <summary>The ledger key of this supplier: <c>supplier:{SETID}:{VENDOR_ID}</c>.</summary>
    public string Key => PeopleSoftRecordKeys.Supplier(SetId, VendorId);

    /// <summary>True when VENDOR_STATUS is A (approved): only those should be payable in BILL.</summary>
    public bool IsApproved => Status == "A";
}

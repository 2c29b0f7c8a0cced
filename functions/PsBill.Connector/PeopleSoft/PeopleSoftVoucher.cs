namespace PsBill.Connector.PeopleSoft;

/// <summary>An AP voucher (<c>PS_VOUCHER</c>) with its lines and their distribution lines. Its distributions sum
/// to <see cref="GrossAmount"/>: the reader reports a voucher that does not as a row error instead.</summary>
/// <param name="EntryStatus">ENTRY_STATUS: P postable, R recycle, X deleted.</param>
/// <param name="ApprovalStatus">APPR_STATUS: A approved, P pending, D denied.</param>
/// <param name="PostStatus">POST_STATUS_AP: U unposted, P posted.</param>
/// <param name="CloseStatus">CLOSE_STATUS.</param>
/// <param name="ChangedAt">The last-changed timestamp, in PeopleSoft's own (database) time.</param>
public sealed record PeopleSoftVoucher(
    string BusinessUnit,
    string VoucherId,
    string InvoiceId,
    DateOnly InvoiceDate,
    string VendorSetId,
    string VendorId,
    decimal GrossAmount,
    DateOnly? DueDate,
    DateOnly? AccountingDate,
    string EntryStatus,
    string ApprovalStatus,
    string PostStatus,
    string CloseStatus,
    DateTime ChangedAt,
    IReadOnlyList<PeopleSoftVoucherLine> Lines)
{
    /// <summary>The ledger key of this voucher: <c>voucher:{BUSINESS_UNIT}:{VOUCHER_ID}</c>.</summary>
    public string Key => PeopleSoftRecordKeys.Voucher(BusinessUnit, VoucherId);

    /// <summary>The ledger key of its supplier.</summary>
    public string SupplierKey => PeopleSoftRecordKeys.Supplier(VendorSetId, VendorId);

    /// <summary>True when approved and not deleted: a voucher that may go to BILL.</summary>
    public bool IsApproved => ApprovalStatus == "A" && EntryStatus != "X";

    /// <summary>Every distribution line of every voucher line, in order: a BILL line comes from each.</summary>
    public IEnumerable<PeopleSoftDistributionLine> Distributions => Lines.SelectMany(line => line.Distributions);
}

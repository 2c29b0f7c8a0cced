namespace PsBill.Simulators.PeopleSoft;

/// <summary>A voucher as the simulator keeps it (<c>PS_VOUCHER</c> with lines and distributions).</summary>
/// <param name="ApprovalStatus">APPR_STATUS: A approved, P pending, D denied.</param>
/// <param name="RawOverrides">Column values (plain column name) sent as this text instead of the typed value: how the generator makes malformed rows.</param>
public sealed record SimulatedVoucher(
    string BusinessUnit,
    string VoucherId,
    string InvoiceId,
    DateOnly InvoiceDate,
    string VendorSetId,
    string VendorId,
    decimal GrossAmount,
    DateOnly DueDate,
    DateOnly AccountingDate,
    string EntryStatus,
    string ApprovalStatus,
    string PostStatus,
    string CloseStatus,
    DateTime ChangedAt,
    IReadOnlyList<SimulatedVoucherLine> Lines,
    IReadOnlyDictionary<string, string?>? RawOverrides = null)
{
    /// <summary><c>voucher:{BUSINESS_UNIT}:{VOUCHER_ID}</c>, the connector's ledger key.</summary>
    public string Key => $"voucher:{BusinessUnit}:{VoucherId}";

    /// <summary>Approved and not deleted: what the approved-vouchers query returns.</summary>
    public bool IsApproved => ApprovalStatus == "A" && EntryStatus != "X";

    /// <summary>Every distribution line, in order.</summary>
    public IEnumerable<SimulatedDistribution> Distributions => Lines.SelectMany(l => l.Distributions);
}

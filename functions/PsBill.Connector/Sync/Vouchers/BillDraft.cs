using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Sync.Engine;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>A voucher checked and translated as far as it goes without its vendor: either a final plan (park, archive)
/// or the lines that are ready and the supplier whose vendor is still needed.</summary>
/// <param name="Key">The voucher's ledger key.</param>
/// <param name="Final">The plan when nothing more is needed (park, archive); null when the bill is ready but for its vendor.</param>
/// <param name="Voucher">The voucher (when it goes on).</param>
/// <param name="Lines">The bill lines (when it goes on).</param>
public sealed record BillDraft(string Key, SyncPlan<VendorBill>? Final, PeopleSoftVoucher? Voucher = null, IReadOnlyList<BillLineItem>? Lines = null)
{
    /// <summary>The supplier whose vendor the bill needs.</summary>
    public string? SupplierKey => Final is null ? Voucher?.SupplierKey : null;
}

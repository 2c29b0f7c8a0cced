using System.Collections.Concurrent;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>
/// The BILL vendor ids this process has seen in the ledger (state done). A supplier's vendor id never changes once BILL
/// has the vendor, so bill batches need not read the supplier ledger rows again and again (one read per voucher otherwise).
/// A vendor archived later makes BILL refuse its new bills, which parks them with BILL's reason.
/// </summary>
public sealed class VendorLinkCache
{
    private readonly ConcurrentDictionary<string, string> _vendorIds = new(StringComparer.Ordinal);

    /// <summary>The vendor id of a supplier key, if known.</summary>
    public bool TryGet(string supplierKey, out string vendorId) => _vendorIds.TryGetValue(supplierKey, out vendorId!);

    /// <summary>Remembers a supplier's vendor id.</summary>
    public void Remember(string supplierKey, string vendorId) => _vendorIds[supplierKey] = vendorId;
}

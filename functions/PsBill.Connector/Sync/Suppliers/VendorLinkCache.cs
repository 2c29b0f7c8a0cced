using System.Collections.Concurrent;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>
/// The BILL vendors this process has seen in the ledger (state done). A supplier's vendor never changes once BILL has the
/// vendor, so bill batches need not read the supplier ledger rows again and again (one read per voucher otherwise).
/// A vendor archived later makes BILL refuse its new bills, which parks them with BILL's reason.
/// </summary>
public sealed class VendorLinkCache
{
    private readonly ConcurrentDictionary<string, VendorLink> _links = new(StringComparer.Ordinal);

    /// <summary>The vendor of a supplier key, if known.</summary>
    public bool TryGet(string supplierKey, out VendorLink link) => _links.TryGetValue(supplierKey, out link!);

    /// <summary>Remembers a supplier's vendor (a found link only).</summary>
    public void Remember(string supplierKey, VendorLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.VendorId is not null) _links[supplierKey] = link;
    }
}

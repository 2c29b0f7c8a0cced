using PsBill.Connector.Diagnostics.Telemetry;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.ReferenceData;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Sync.Suppliers;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>
/// Voucher keys -> BILL bills, exactly once: read the stored vouchers, check and translate them with the current mappings,
/// ensure their vendors (creating missing ones inline), then run the plans through <see cref="SyncEngine"/> in one bulk call.
/// </summary>
public sealed class BillSync(SourceSnapshotStore snapshots, MappingStore mappingStore, BillTranslator translator, VendorSync vendors, BillRecords bills, SyncEngine engine)
{
    /// <summary>Syncs the vouchers of one work item.</summary>
    public async Task<SyncBatchResult> SyncAsync(IReadOnlyList<string> keys, string? runId, CancellationToken cancellationToken = default)
    {
        var mappings = await MappingTable.LoadAsync(mappingStore, cancellationToken).ConfigureAwait(false);
        var stored = await snapshots.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
        var drafts = new BillDraft[keys.Count];
        var readContexts = new string?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var snapshot = stored.GetValueOrDefault(keys[i]);
            readContexts[i] = snapshot?.ReadContext;
            drafts[i] = translator.Draft(keys[i], SnapshotJson.Voucher(snapshot), snapshot?.Withdrawn ?? false, mappings);
        }

        using var span = BatchSpans.StartSync("voucher", keys, readContexts, runId);
        var supplierKeys = drafts.Select(d => d.SupplierKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var links = supplierKeys.Count == 0
            ? new Dictionary<string, VendorLink>()
            : await vendors.EnsureAsync(supplierKeys, cancellationToken).ConfigureAwait(false);

        var plans = drafts.Select(draft => draft.Final ?? PlanWithVendor(draft, links[draft.SupplierKey!])).ToList();
        return await engine.RunAsync(plans, bills, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The bill plan of a draft, given its vendor (the preview plans the same way).</summary>
    public static SyncPlan<VendorBill> PlanWithVendor(BillDraft draft, VendorLink link) => link switch
    {
        // A vendor PsBill created itself cannot have hand-keyed bills: no lookup before creating them.
        { VendorId: { } vendorId } => BillTranslator.Complete(draft, vendorId) with { MayExistInBill = link.Adopted },
        { Retry: true } => SyncPlan<VendorBill>.Retry(draft.Key, $"{draft.Key} waits for its vendor: {link.Problem}"),
        _ => SyncPlan<VendorBill>.Park(draft.Key, $"{draft.Key}: {link.Problem}", ParkCause.Vendor),
    };
}

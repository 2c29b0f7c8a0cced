using PsBill.Connector.Diagnostics.Telemetry;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Snapshots;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>
/// Supplier keys -> BILL vendors, exactly once: reads each supplier's stored PeopleSoft record, plans it
/// (<see cref="VendorTranslator"/>) and runs the plans through <see cref="SyncEngine"/> in one bulk call.
/// <see cref="EnsureAsync"/> gives the bill side the vendors it needs, creating missing ones inline.
/// </summary>
public sealed class VendorSync(SourceSnapshotStore snapshots, VendorTranslator translator, VendorRecords vendors, SyncEngine engine, SyncLedger ledger, VendorLinkCache cache, IOptions<SyncOptions> options)
{
    /// <summary>Syncs the suppliers of one work item (at most <see cref="SyncOptions.VendorBatchSize"/> per bulk call).</summary>
    public async Task<SyncBatchResult> SyncAsync(IReadOnlyList<string> keys, string? runId, CancellationToken cancellationToken = default)
    {
        var stored = await snapshots.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
        var plans = new SyncPlan<Vendor>[keys.Count];
        var readContexts = new string?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var snapshot = stored.GetValueOrDefault(keys[i]);
            readContexts[i] = snapshot?.ReadContext;
            plans[i] = translator.Plan(keys[i], SnapshotJson.Supplier(snapshot));
        }
        using var span = BatchSpans.StartSync("supplier", keys, readContexts, runId);
        return await engine.RunAsync(plans, vendors, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The BILL vendor of each supplier; suppliers whose vendor is not there yet are synced first (inline, in bulk).</summary>
    public async Task<IReadOnlyDictionary<string, VendorLink>> EnsureAsync(IReadOnlyCollection<string> supplierKeys, CancellationToken cancellationToken = default)
    {
        var links = await ReadLinksAsync(supplierKeys, cancellationToken).ConfigureAwait(false);
        var missing = links.Where(l => l.Value.VendorId is null && !l.Value.Retry).Select(l => l.Key).ToList();
        if (missing.Count == 0) return links;

        // Written at once, not deferred: the links are read back from the ledger right below.
        using (DeferredCreateResults.Suspend())
        {
            foreach (var chunk in missing.Chunk(options.Value.VendorBatchSize))
                await SyncAsync(chunk, runId: null, cancellationToken).ConfigureAwait(false);
        }
        var again = await ReadLinksAsync(missing, cancellationToken).ConfigureAwait(false);
        foreach (var (key, link) in again) links[key] = link;
        return links;
    }

    private async Task<Dictionary<string, VendorLink>> ReadLinksAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, VendorLink>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var key in keys)
        {
            if (cache.TryGet(key, out var known)) links[key] = known;
            else unknown.Add(key);
        }
        if (unknown.Count == 0) return links;

        // The suppliers of a 100-voucher batch: their rows a query per 14, not a read each.
        var rows = await ledger.GetManyAsync(unknown, cancellationToken).ConfigureAwait(false);
        foreach (var key in unknown)
        {
            var link = LinkOf(key, rows.GetValueOrDefault(key));
            cache.Remember(key, link);
            links[key] = link;
        }
        return links;
    }

    /// <summary>What a supplier's ledger row says about its vendor (the preview reads it too).</summary>
    public static VendorLink LinkOf(string key, LedgerEntry? entry) => entry switch
    {
        { State.Value: "done", RemoteId: { } id } => VendorLink.Found(id, SyncDetail.Parse(entry.Detail).Adopted),
        null => new VendorLink(null, $"{key} has no vendor in BILL yet", false),
        { State.Value: "intent" } => new VendorLink(null, $"the vendor of {key} is being created", true),
        { State.Value: "parked" } => new VendorLink(null, $"the vendor of {key} is parked: {entry.ParkedReason}", false),
        _ when entry.State == SyncStates.Skipped || entry.State == SyncStates.Archived =>
            new VendorLink(null, $"{key} has no usable vendor in BILL: {entry.ParkedReason}", false),
        _ => new VendorLink(null, $"the vendor of {key} is {entry.State}", false),
    };
}

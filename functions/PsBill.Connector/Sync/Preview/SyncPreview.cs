using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.ReferenceData;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Sync.Suppliers;
using PsBill.Connector.Sync.Vouchers;

namespace PsBill.Connector.Sync.Preview;

/// <summary>
/// The dry run of PollSuppliers and PollVouchers with their work items: reads what the next cycle would read from PeopleSoft
/// (from the stored checkpoints, which it leaves where they are), plans every record as the sync does (translators, ledger,
/// mappings, vendor and bill matching against BILL), and reports what would happen. It writes nothing anywhere: no BILL call
/// that changes state, no ledger, snapshot, checkpoint, proposal or audit row. Not in it: SyncReferenceData (the stored
/// mappings are used, so run it first on a new install), parked records a poll would retry, and the withdrawn-voucher sweep.
/// </summary>
public sealed class SyncPreview(
    PeopleSoftReader reader, CheckpointStore checkpoints, SyncLedger ledger, SourceSnapshotStore snapshots, MappingStore mappingStore,
    VendorTranslator vendorTranslator, BillTranslator billTranslator, VendorRecords vendors, BillRecords bills)
{
    /// <summary>Stands for the id of a vendor the cycle would create.</summary>
    private const string NewVendor = "(new vendor)";

    /// <summary>Previews one cycle.</summary>
    public async Task<SyncPreviewReport> PreviewAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<PreviewRow>();
        var links = new Dictionary<string, VendorLink>(StringComparer.Ordinal);

        var suppliers = new Dictionary<string, PeopleSoftReadResult<PeopleSoftSupplier>>(StringComparer.Ordinal);
        await foreach (var result in reader.ReadSuppliersAsync(await SinceAsync(SupplierPoll.CheckpointName, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            if ((result.Record?.Key ?? result.Error?.RecordKey) is { } key) suppliers[key] = result;
        foreach (var (key, result) in suppliers)
        {
            if (result.Error is { } error)
            {
                rows.Add(Unreadable(error));
                links[key] = new VendorLink(null, $"the vendor of {key} is parked: {Unreadable(error).Detail}", false);
                continue;
            }
            var (row, link) = await VendorAsync(vendorTranslator.Plan(key, result.Record), cancellationToken).ConfigureAwait(false);
            rows.Add(row);
            links[key] = link;
        }

        var mappings = await MappingTable.LoadAsync(mappingStore, cancellationToken).ConfigureAwait(false);
        var vouchers = new Dictionary<string, PeopleSoftReadResult<PeopleSoftVoucher>>(StringComparer.Ordinal);
        await foreach (var result in reader.ReadApprovedVouchersAsync(await SinceAsync(VoucherPoll.CheckpointName, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            if ((result.Record?.Key ?? result.Error?.RecordKey) is { } key) vouchers[key] = result;
        foreach (var (key, result) in vouchers)
        {
            if (result.Error is { } error)
            {
                rows.Add(Unreadable(error));
                continue;
            }
            var draft = billTranslator.Draft(key, result.Record, withdrawn: false, mappings);
            if (draft.Final is { } final)
            {
                rows.Add(await BillAsync(final, isNewVendor: false, cancellationToken).ConfigureAwait(false));
                continue;
            }
            var supplierKey = draft.SupplierKey!;
            if (!links.TryGetValue(supplierKey, out var link))
            {
                // Not read this cycle: the vouchers' work item would sync it inline from its stored record, if it needs to.
                var entry = await ledger.GetAsync(supplierKey, cancellationToken).ConfigureAwait(false);
                link = VendorSync.LinkOf(supplierKey, entry);
                if (link.VendorId is null && !link.Retry)
                {
                    var supplier = SnapshotJson.Supplier(await snapshots.GetAsync(supplierKey, cancellationToken).ConfigureAwait(false));
                    var (row, inline) = await VendorAsync(vendorTranslator.Plan(supplierKey, supplier), cancellationToken).ConfigureAwait(false);
                    rows.Add(row);
                    link = inline;
                }
                links[supplierKey] = link;
            }
            rows.Add(await BillAsync(BillSync.PlanWithVendor(draft, link), link.VendorId == NewVendor, cancellationToken).ConfigureAwait(false));
        }

        return new SyncPreviewReport(rows);
    }

    private async Task<PeopleSoftCheckpoint?> SinceAsync(string name, CancellationToken cancellationToken) =>
        await checkpoints.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } saved ? PeopleSoftCheckpoint.Parse(saved.Value) : null;

    private async Task<(PreviewRow Row, VendorLink Link)> VendorAsync(SyncPlan<Vendor> plan, CancellationToken cancellationToken)
    {
        var entry = await ledger.GetAsync(plan.Key, cancellationToken).ConfigureAwait(false);
        var known = VendorSync.LinkOf(plan.Key, entry);
        switch (plan.Action)
        {
            case SyncAction.Park:
                return (Row(plan.Key, PreviewAction.Park, entry?.RemoteId, plan.Reason), Blocked(plan.Key, "is parked: " + plan.Reason));
            case SyncAction.Skip when known.VendorId is not null:
                return (Row(plan.Key, PreviewAction.Unchanged, known.VendorId, $"{plan.Reason}; the vendor is left as it is"), known);
            case SyncAction.Skip:
            case SyncAction.Archive when entry?.RemoteId is null:
                return (Row(plan.Key, PreviewAction.Skip, null, plan.Reason), Blocked(plan.Key, "has no usable vendor in BILL: " + plan.Reason));
            case SyncAction.Archive:
                return (Row(plan.Key, entry!.State == SyncStates.Archived ? PreviewAction.Unchanged : PreviewAction.ArchiveVendor, entry.RemoteId, plan.Reason),
                    Blocked(plan.Key, "has no usable vendor in BILL: " + plan.Reason));
        }

        if (InFlight(entry)) return (Row(plan.Key, PreviewAction.Wait, null, "another attempt may be sending it now"), new VendorLink(null, "being created", true));
        if (entry is { RemoteId: { } remoteId })
        {
            var same = entry.State == LedgerState.Done && entry.PayloadHash == plan.Hash;
            return (Row(plan.Key, same ? PreviewAction.Unchanged : PreviewAction.UpdateVendor, remoteId, same ? "BILL holds this version" : "changed in PeopleSoft"),
                VendorLink.Found(remoteId, SyncDetail.Parse(entry.Detail).Adopted));
        }

        var match = await vendors.FindExistingAsync(plan, cancellationToken).ConfigureAwait(false);
        return match.Kind switch
        {
            ExistingMatchKind.Adopt => (Row(plan.Key, PreviewAction.AdoptVendor, match.RemoteId, match.Reason), VendorLink.Found(match.RemoteId!, adopted: true)),
            ExistingMatchKind.Park => (Row(plan.Key, PreviewAction.Park, null, match.Reason), Blocked(plan.Key, "is parked: " + match.Reason)),
            _ => (Row(plan.Key, PreviewAction.CreateVendor, null, $"'{plan.Payload?.Name}': no existing BILL vendor matches"), VendorLink.Found(NewVendor)),
        };
    }

    private async Task<PreviewRow> BillAsync(SyncPlan<VendorBill> plan, bool isNewVendor, CancellationToken cancellationToken)
    {
        var entry = await ledger.GetAsync(plan.Key, cancellationToken).ConfigureAwait(false);
        switch (plan.Action)
        {
            case SyncAction.Park:
                return Row(plan.Key, PreviewAction.Park, entry?.RemoteId, plan.Reason);
            case SyncAction.Retry:
                return Row(plan.Key, PreviewAction.Wait, null, plan.Reason);
            case SyncAction.Skip when entry is { RemoteId: not null, State.Value: "done" }:
                return Row(plan.Key, PreviewAction.Unchanged, entry.RemoteId, $"{plan.Reason}; the bill is left as it is");
            case SyncAction.Skip:
            case SyncAction.Archive when entry?.RemoteId is null:
                return Row(plan.Key, PreviewAction.Skip, null, plan.Reason);
            case SyncAction.Archive:
                return Row(plan.Key, entry!.State == SyncStates.Archived ? PreviewAction.Unchanged : PreviewAction.ArchiveBill, entry.RemoteId, plan.Reason);
        }

        if (InFlight(entry)) return Row(plan.Key, PreviewAction.Wait, null, "another attempt may be sending it now");
        if (entry is { RemoteId: { } remoteId })
        {
            var same = entry.State == LedgerState.Done && entry.PayloadHash == plan.Hash;
            return Row(plan.Key, same ? PreviewAction.Unchanged : PreviewAction.UpdateBill, remoteId, same ? "BILL holds this version" : "changed in PeopleSoft");
        }

        var invoice = plan.Payload?.Invoice?.InvoiceNumber;
        if (isNewVendor) return Row(plan.Key, PreviewAction.CreateBill, null, $"invoice {invoice}, for the new vendor");
        var match = await bills.FindExistingAsync(plan, cancellationToken).ConfigureAwait(false);
        return match.Kind switch
        {
            ExistingMatchKind.Adopt => Row(plan.Key, PreviewAction.AdoptBill, match.RemoteId, match.Reason),
            ExistingMatchKind.Park => Row(plan.Key, PreviewAction.Park, null, match.Reason),
            _ => Row(plan.Key, PreviewAction.CreateBill, null, $"invoice {invoice}, vendor {plan.Payload?.VendorId}"),
        };
    }

    /// <summary>An intent row whose call may still be running: the cycle would wait for it.</summary>
    private bool InFlight(LedgerEntry? entry) =>
        entry is { State.Value: "intent" } && !SyncDetail.Parse(entry.Detail).CallEnded && ledger.IsInFlight(entry);

    private static PreviewRow Unreadable(PeopleSoftRowError error) =>
        Row(error.RecordKey, PreviewAction.Park, null, $"{error.RecordKey}: PeopleSoft row {error.RowNumber} could not be read: {error.Field} {error.Reason}");

    private static VendorLink Blocked(string key, string why) => new(null, $"the vendor of {key} {why}", false);

    private static PreviewRow Row(string key, PreviewAction action, string? billId, string? detail) => new(key, action, billId, detail ?? action.ToString());
}

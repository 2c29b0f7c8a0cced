using PsBill.Connector.Bill;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Suppliers;
using PsBill.Connector.Work;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>
/// The operator's side of vendor matching (<c>psbill vendors</c>, the ops page): the proposals for every approved supplier
/// without a BILL vendor yet, their recording (<c>--apply</c>: sure ones confirmed, unsure ones pending), and an operator's
/// confirm or reject, after which the supplier is sent through the sync again (confirm adopts the vendor, reject creates one).
/// </summary>
public sealed class VendorMatchReview(
    PeopleSoft.PeopleSoftReader reader, SyncLedger ledger, VendorTranslator translator, VendorRecords vendors, AdoptionStore store, BillClient bill)
{
    /// <summary>The proposal of every approved PeopleSoft supplier without a BILL vendor; with <paramref name="apply"/>, records them.</summary>
    public async Task<IReadOnlyList<VendorMatchRow>> ProposeAsync(bool apply, CancellationToken cancellationToken = default)
    {
        var rows = new List<VendorMatchRow>();
        await foreach (var result in reader.ReadSuppliersAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (result.Record is not { IsApproved: true } supplier) continue;
            if (await ledger.GetAsync(supplier.Key, cancellationToken).ConfigureAwait(false) is { State.Value: "done", RemoteId: not null }) continue;
            var plan = translator.Plan(supplier.Key, supplier);
            if (plan.Action != SyncAction.Send) continue;

            var decided = await store.GetProposalAsync(supplier.Key, cancellationToken).ConfigureAwait(false);
            var match = await vendors.FindExistingAsync(plan, cancellationToken).ConfigureAwait(false);
            var name = plan.Payload!.Name ?? supplier.Name;
            var row = match.Kind switch
            {
                ExistingMatchKind.Adopt => new VendorMatchRow(supplier.Key, name, "adopt", match.RemoteId, decided?.Status, decided?.Candidates ?? []),
                ExistingMatchKind.Park => new VendorMatchRow(supplier.Key, name, "possible", null, decided?.Status, match.Candidates ?? []),
                _ => new VendorMatchRow(supplier.Key, name, "create", null, decided?.Status, decided?.Candidates ?? []),
            };
            rows.Add(row);
            if (!apply || decided is { Status: not ProposalStatus.Pending }) continue;
            if (match.Kind == ExistingMatchKind.Adopt) await store.DecideAsync(supplier.Key, name, ProposalStatus.Confirmed, match.RemoteId, cancellationToken).ConfigureAwait(false);
            else if (match.Kind == ExistingMatchKind.Park) await store.SavePendingAsync(supplier.Key, name, match.Candidates ?? [], cancellationToken).ConfigureAwait(false);
        }
        return rows;
    }

    /// <summary>The recorded proposals: decided ones, and pending ones whose supplier still waits (parked) for an operator.</summary>
    public async Task<IReadOnlyList<VendorProposal>> ListAsync(CancellationToken cancellationToken = default)
    {
        var open = new List<VendorProposal>();
        foreach (var proposal in await store.ListProposalsAsync(cancellationToken).ConfigureAwait(false))
        {
            // A pending proposal goes stale when the supplier got its vendor meanwhile (e.g. the candidate was adopted by another supplier).
            if (proposal.Status == ProposalStatus.Pending
                && await ledger.GetAsync(proposal.SupplierKey, cancellationToken).ConfigureAwait(false) is { State.Value: "done" }) continue;
            open.Add(proposal);
        }
        return open;
    }

    /// <summary>An operator says <paramref name="vendorId"/> is the supplier's vendor: recorded, and the supplier is synced again (it adopts it).</summary>
    /// <exception cref="ArgumentException">BILL has no such vendor.</exception>
    public async Task<VendorProposal> ConfirmAsync(string supplierKey, string vendorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(supplierKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendorId);
        Bill.Models.Vendor vendor;
        try
        {
            vendor = await bill.GetVendorAsync(vendorId, cancellationToken).ConfigureAwait(false);
        }
        catch (BillApiException ex) when (ex.IsRejection)
        {
            throw new ArgumentException($"{supplierKey}: BILL has no vendor {vendorId} ({ex.Message}).", nameof(vendorId), ex);
        }
        var owner = await store.OwnerAsync(AdoptedKind.Vendor, vendorId, cancellationToken).ConfigureAwait(false);
        if (owner is not null && owner != supplierKey)
            throw new ArgumentException($"{supplierKey}: BILL vendor {vendorId} ('{vendor.Name}') is already linked to {owner}.", nameof(vendorId));
        return await DecideAsync(supplierKey, ProposalStatus.Confirmed, vendorId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An operator says none of the candidates is the supplier's: recorded, and the supplier is synced again (a new vendor).</summary>
    public Task<VendorProposal> RejectAsync(string supplierKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(supplierKey);
        return DecideAsync(supplierKey, ProposalStatus.Rejected, null, cancellationToken);
    }

    private async Task<VendorProposal> DecideAsync(string supplierKey, ProposalStatus status, string? vendorId, CancellationToken cancellationToken)
    {
        if (!supplierKey.StartsWith("supplier:", StringComparison.Ordinal))
            throw new ArgumentException($"'{supplierKey}' is not a supplier key (supplier:SETID:VENDOR_ID).", nameof(supplierKey));
        // The decision only: the supplier goes with the next PollSuppliers, or at once through a replay of its key (the ops
        // page and 'psbill replay' start one), which reads this decision.
        return await store.DecideAsync(supplierKey, "", status, vendorId, cancellationToken).ConfigureAwait(false);
    }
}

using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Models;
using Microsoft.Extensions.Options;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>BILL vendors for <see cref="SyncEngine"/>: bulk create (20 per call), look up by the recorded name and the
/// <c>shortName</c> marker, update (restoring an archived one), archive; before the first create, match the vendors keyed
/// into BILL by hand (<see cref="VendorMatcher"/>, or an operator's decision) and adopt a sure one.</summary>
public sealed class VendorRecords(BillClient client, BulkSplitter splitter, BillDirectory directory, VendorMatcher matcher, AdoptionStore adoptions, IOptions<AdoptionOptions> options)
    : IRemoteRecords<Vendor>
{
    /// <inheritdoc />
    public string Noun => "vendor";

    /// <inheritdoc />
    public Task<IReadOnlyList<BulkItemResult<Vendor>>> CreateAsync(IReadOnlyList<Vendor> payloads, CancellationToken cancellationToken = default) =>
        splitter.CreateVendorsAsync(payloads, cancellationToken);

    /// <inheritdoc />
    public string? IdOf(Vendor created) => created.Id;

    /// <inheritdoc />
    public async Task<RemoteRef?> FindAsync(SyncDetail recorded, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(recorded.Name) || recorded.Marker is null) return null;
        RemoteRef? archived = null;
        await foreach (var vendor in client.FindVendorsByNameAsync(recorded.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Same name is not enough: another supplier (or a person in BILL) may use it. Ours carry the marker.
            if (vendor.Id is null || !string.Equals(vendor.ShortName, recorded.Marker, StringComparison.Ordinal)) continue;
            if (vendor.Archived != true) return new RemoteRef(vendor.Id, false);
            archived ??= new RemoteRef(vendor.Id, true);
        }
        return archived;
    }

    /// <inheritdoc />
    public async Task<RemoteChange> UpdateAsync(string remoteId, Vendor payload, CancellationToken cancellationToken = default)
    {
        var current = await client.GetVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        if (current.Archived == true) await client.RestoreVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        await client.UpdateVendorAsync(remoteId, payload, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }

    /// <inheritdoc />
    public async Task<RemoteChange> ArchiveAsync(string remoteId, CancellationToken cancellationToken = default)
    {
        await client.ArchiveVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }

    /// <inheritdoc />
    public async Task<IExistingRecordFinder<Vendor>> FinderForAsync(IReadOnlyList<SyncPlan<Vendor>> plans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var matchable = plans.Where(Matchable).Select(p => p.Key).ToList();
        if (matchable.Count == 0) return this;
        return new DecidedFinder(this, matchable.ToHashSet(StringComparer.Ordinal), await adoptions.GetProposalsAsync(matchable, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<ExistingMatch> FindExistingAsync(SyncPlan<Vendor> plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!Matchable(plan)) return ExistingMatch.None;
        return await MatchAsync(plan, await adoptions.GetProposalAsync(plan.Key, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private bool Matchable(SyncPlan<Vendor> plan) => options.Value.MatchVendors && plan.Payload is not null && plan.Detail.Marker is not null;

    /// <summary>The match of a supplier whose operator decision (null: none) is known.</summary>
    private async Task<ExistingMatch> MatchAsync(SyncPlan<Vendor> plan, VendorProposal? decided, CancellationToken cancellationToken)
    {
        switch (decided)
        {
            case { Status: ProposalStatus.Confirmed, VendorId: { } confirmed }:
                return ExistingMatch.Adopt(confirmed, "an operator confirmed it as this supplier's vendor");
            case { Status: ProposalStatus.Rejected }:
                return ExistingMatch.None; // an operator said none of the candidates is this supplier: a new vendor
        }

        var verdict = matcher.Match(plan.Payload!, plan.Detail.Marker!, plan.MatchKeys, await directory.VendorsAsync(cancellationToken).ConfigureAwait(false));
        if (verdict.Kind == MatchKind.None) return ExistingMatch.None;
        var candidates = new List<VendorCandidate>();
        var taken = false;
        foreach (var candidate in verdict.Candidates)
        {
            // A vendor another supplier adopted is not adopted twice; it stays a candidate (an operator rejects it), so the
            // outcome does not depend on which supplier ran first.
            var owner = await adoptions.OwnerAsync(AdoptedKind.Vendor, candidate.VendorId, cancellationToken).ConfigureAwait(false);
            if (owner is not null && owner != plan.Key)
            {
                taken = true;
                candidates.Add(candidate with { Reasons = [.. candidate.Reasons, "already linked to " + owner] });
            }
            else candidates.Add(candidate);
        }

        if (verdict.Kind == MatchKind.Sure && !taken)
            return ExistingMatch.Adopt(candidates[0].VendorId, $"'{candidates[0].Name}' score {candidates[0].Score} ({string.Join("; ", candidates[0].Reasons)})");
        return ExistingMatch.Park(
            $"{plan.Key} ('{plan.Payload!.Name}'): possible match with existing BILL vendors, confirm one or reject them (psbill vendors): {string.Join(" | ", candidates)}",
            ParkCause.Match, candidates);
    }

    /// <inheritdoc />
    public async Task<RemoteChange> AdoptAsync(SyncPlan<Vendor> plan, string remoteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var owner = await adoptions.LinkAsync(AdoptedKind.Vendor, remoteId, plan.Key, cancellationToken).ConfigureAwait(false);
        if (owner != plan.Key)
            return RemoteChange.Refused($"{plan.Key}: BILL vendor {remoteId} is already linked to {owner}; confirm another vendor or reject the match (psbill vendors)");
        var current = await client.GetVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        if (current.Archived == true) await client.RestoreVendorAsync(remoteId, cancellationToken).ConfigureAwait(false);
        // The marker is what finds the vendor again (and keeps other suppliers off it); the name stays unless the setting says so.
        var changes = options.Value.RenameAdoptedVendors ? plan.Payload! : new Vendor { ShortName = plan.Detail.Marker };
        await client.UpdateVendorAsync(remoteId, changes, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }

    /// <inheritdoc />
    public async Task RecordUnsureAsync(SyncPlan<Vendor> plan, ExistingMatch match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(match);
        await adoptions.SavePendingAsync(plan.Key, plan.Payload?.Name ?? "", match.Candidates ?? [], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Vendor ForAdopted(Vendor payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (options.Value.RenameAdoptedVendors) return payload;
        return payload with
        {
            Name = null,
            PaymentInformation = payload.PaymentInformation is null ? null : payload.PaymentInformation with { PayeeName = null },
        };
    }

    /// <summary>The finder of one batch: the operator decisions of its suppliers (<paramref name="asked"/>) were read together;
    /// a supplier outside the batch is read on its own, never taken as undecided.</summary>
    private sealed class DecidedFinder(VendorRecords records, HashSet<string> asked, IReadOnlyDictionary<string, VendorProposal> decided) : IExistingRecordFinder<Vendor>
    {
        public Task<ExistingMatch> FindExistingAsync(SyncPlan<Vendor> plan, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(plan);
            if (!records.Matchable(plan)) return Task.FromResult(ExistingMatch.None);
            return asked.Contains(plan.Key)
                ? records.MatchAsync(plan, decided.GetValueOrDefault(plan.Key), cancellationToken)
                : records.FindExistingAsync(plan, cancellationToken);
        }
    }
}

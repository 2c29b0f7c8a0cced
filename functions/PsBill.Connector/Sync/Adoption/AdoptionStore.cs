using System.Text.Json;
using Azure.Data.Tables;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>
/// The <c>adoptions</c> table. Partition <c>proposal</c>: one row per supplier with an unsure vendor match, and the operator's
/// decision. Partitions <c>vendorlink</c> and <c>billlink</c>: one row per adopted BILL vendor or bill naming the PeopleSoft
/// record that adopted it, written insert-if-absent, so one BILL object is never adopted by two records.
/// </summary>
public sealed class AdoptionStore(PsBillStorage storage, TimeProvider time)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "adoptions";

    private const string Proposals = "proposal";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = storage.Table(TableName);

    /// <summary>The proposal of a supplier, or null.</summary>
    public async Task<VendorProposal?> GetProposalAsync(string supplierKey, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(Proposals, TableKeys.Escape(supplierKey), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToProposal(entity);
    }

    /// <summary>The proposals of many suppliers, by supplier key (one without a proposal is left out), read 14 keys a query
    /// (<see cref="TableClientExtensions.GetManyAsync"/>): a batch of 20 suppliers costs two queries, not twenty reads.</summary>
    public async Task<IReadOnlyDictionary<string, VendorProposal>> GetProposalsAsync(IEnumerable<string> supplierKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supplierKeys);
        var found = new Dictionary<string, VendorProposal>(StringComparer.Ordinal);
        await foreach (var entity in _table.GetManyAsync(Proposals, supplierKeys.Select(TableKeys.Escape), cancellationToken).ConfigureAwait(false))
        {
            var proposal = ToProposal(entity);
            found[proposal.SupplierKey] = proposal;
        }
        return found;
    }

    /// <summary>Every proposal, pending and decided.</summary>
    public async Task<IReadOnlyList<VendorProposal>> ListProposalsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<VendorProposal>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Proposals, cancellationToken: cancellationToken).ConfigureAwait(false))
            all.Add(ToProposal(entity));
        return all;
    }

    /// <summary>Records the candidates found for a supplier. A decision already made stands: only its candidates are refreshed.</summary>
    public async Task<VendorProposal> SavePendingAsync(string supplierKey, string supplierName, IReadOnlyList<VendorCandidate> candidates, CancellationToken cancellationToken = default)
    {
        var existing = await GetProposalAsync(supplierKey, cancellationToken).ConfigureAwait(false);
        var proposal = new VendorProposal(supplierKey, supplierName, existing?.Status ?? ProposalStatus.Pending, existing?.VendorId, candidates, time.GetUtcNow());
        await _table.UpsertEntityAsync(ToEntity(proposal), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return proposal;
    }

    /// <summary>Records an operator's decision (confirmed with a vendor id, or rejected).</summary>
    public async Task<VendorProposal> DecideAsync(string supplierKey, string supplierName, ProposalStatus status, string? vendorId, CancellationToken cancellationToken = default)
    {
        var existing = await GetProposalAsync(supplierKey, cancellationToken).ConfigureAwait(false);
        var proposal = new VendorProposal(supplierKey, existing?.SupplierName ?? supplierName, status, status == ProposalStatus.Confirmed ? vendorId : null,
            existing?.Candidates ?? [], time.GetUtcNow());
        await _table.UpsertEntityAsync(ToEntity(proposal), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return proposal;
    }

    /// <summary>Links a BILL object to the record adopting it, unless another record has it; returns the record that has it.</summary>
    public async Task<string> LinkAsync(AdoptedKind kind, string remoteId, string recordKey, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition(kind), TableKeys.Escape(remoteId)) { ["RemoteId"] = remoteId, ["RecordKey"] = recordKey };
        try
        {
            await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return recordKey;
        }
        catch (ConcurrencyConflictException)
        {
            return await OwnerAsync(kind, remoteId, cancellationToken).ConfigureAwait(false) ?? recordKey;
        }
    }

    /// <summary>The record that adopted a BILL object, or null.</summary>
    public async Task<string?> OwnerAsync(AdoptedKind kind, string remoteId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(Partition(kind), TableKeys.Escape(remoteId), cancellationToken).ConfigureAwait(false);
        return entity?.GetString("RecordKey");
    }

    /// <summary>How many BILL objects of a kind were adopted.</summary>
    public async Task<int> CountLinksAsync(AdoptedKind kind, CancellationToken cancellationToken = default)
    {
        var partition = Partition(kind);
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false)) count++;
        return count;
    }

    private static string Partition(AdoptedKind kind) => kind == AdoptedKind.Vendor ? "vendorlink" : "billlink";

    private static TableEntity ToEntity(VendorProposal proposal) => new(Proposals, TableKeys.Escape(proposal.SupplierKey))
    {
        ["SupplierKey"] = proposal.SupplierKey,
        ["SupplierName"] = proposal.SupplierName,
        ["Status"] = proposal.Status.ToString(),
        ["VendorId"] = proposal.VendorId,
        ["Candidates"] = JsonSerializer.Serialize(proposal.Candidates, Json),
        ["UpdatedAt"] = proposal.UpdatedAt,
    };

    private static VendorProposal ToProposal(TableEntity entity) => new(
        entity.GetString("SupplierKey") ?? TableKeys.Unescape(entity.RowKey),
        entity.GetString("SupplierName") ?? "",
        Enum.TryParse<ProposalStatus>(entity.GetString("Status"), out var status) ? status : ProposalStatus.Pending,
        entity.GetString("VendorId"),
        JsonSerializer.Deserialize<List<VendorCandidate>>(entity.GetString("Candidates") ?? "[]", Json) ?? [],
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}

using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Polling;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>PollSuppliers: suppliers changed since the checkpoint -> stored snapshots -> vendor work items (20 keys each);
/// then vouchers parked for a missing vendor are tried again.</summary>
public sealed class SupplierPoll(PeopleSoftReader reader, IncrementalPoll poll, ParkedRequeue requeue, IOptions<SyncOptions> options) : ISupplierPoll
{
    /// <summary>The checkpoint's name.</summary>
    public const string CheckpointName = "suppliers";

    /// <inheritdoc />
    public Task<PollPageResult> PollAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return poll.PollAsync(run, new PollSource<PeopleSoftSupplier>(
            CheckpointName, WorkItemKind.Supplier, options.Value.VendorBatchSize,
            reader.ReadSuppliersAsync, SnapshotJson.Of), cancellationToken);
    }

    /// <inheritdoc />
    public async Task FinishAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        // After the last page: vouchers parked for a missing vendor may find it now.
        await requeue.RequeueAsync([ParkCause.Vendor], run.RunId, cancellationToken).ConfigureAwait(false);
    }
}

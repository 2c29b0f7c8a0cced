using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Polling;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>PollVouchers: approved vouchers changed since the checkpoint -> stored snapshots -> bill work items (100 keys each);
/// vouchers parked for a missing vendor are tried again; and, when due, the sweep for vouchers withdrawn since they were sent.</summary>
public sealed class VoucherPoll(PeopleSoftReader reader, IncrementalPoll poll, ParkedRequeue requeue, WithdrawnVoucherSweep sweep, IOptions<SyncOptions> options) : IVoucherPoll
{
    /// <summary>The checkpoint's name.</summary>
    public const string CheckpointName = "vouchers";

    /// <inheritdoc />
    public Task<PollPageResult> PollAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return poll.PollAsync(run, new PollSource<PeopleSoftVoucher>(
            CheckpointName, WorkItemKind.Voucher, options.Value.BillBatchSize,
            reader.ReadApprovedVouchersAsync, SnapshotJson.Of), cancellationToken);
    }

    /// <inheritdoc />
    public async Task FinishAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        // After the last page: vouchers parked for a vendor may find it now; and the sweep when it is due.
        await requeue.RequeueAsync([ParkCause.Vendor], run.RunId, cancellationToken).ConfigureAwait(false);
        await sweep.SweepIfDueAsync(run, cancellationToken).ConfigureAwait(false);
    }
}

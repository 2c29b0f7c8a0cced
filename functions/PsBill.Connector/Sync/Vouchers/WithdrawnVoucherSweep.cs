using System.Globalization;
using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>
/// The approved-vouchers query returns approved vouchers only, so a voucher denied or deleted after it was sent simply
/// stops appearing. Every <see cref="SyncOptions.WithdrawnSweepInterval"/> this reads the whole approved set and enqueues
/// every voucher the ledger holds in BILL that is no longer in it, marked withdrawn: its unpaid bill is archived.
/// </summary>
public sealed class WithdrawnVoucherSweep(
    PeopleSoftReader reader, LedgerStore ledger, SourceSnapshotStore snapshots, IWorkSink queue, AuditTrail audit, RunStore runs,
    CheckpointStore checkpoints, TimeProvider time, IOptions<SyncOptions> options)
{
    /// <summary>The checkpoint holding the time of the last sweep.</summary>
    public const string CheckpointName = "vouchers-withdrawn-sweep";

    /// <summary>Sweeps when the interval has passed since the last sweep; the first poll only starts the clock. Returns the keys found withdrawn.</summary>
    public async Task<IReadOnlyList<string>> SweepIfDueAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var last = await checkpoints.GetAsync(CheckpointName, cancellationToken).ConfigureAwait(false);
        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        if (last is null && options.Value.WithdrawnSweepInterval > TimeSpan.Zero)
        {
            // Nothing was sent before the first poll: nothing can have been withdrawn.
            await checkpoints.SaveAsync(new Checkpoint(CheckpointName, stamp), cancellationToken).ConfigureAwait(false);
            return [];
        }
        if (last is not null && DateTimeOffset.TryParse(last.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && now - at < options.Value.WithdrawnSweepInterval)
            return [];

        var withdrawn = await SweepAsync(run, cancellationToken).ConfigureAwait(false);
        await checkpoints.SaveAsync(last is null ? new Checkpoint(CheckpointName, stamp) : last with { Value = stamp }, cancellationToken).ConfigureAwait(false);
        return withdrawn;
    }

    /// <summary>Sweeps now.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var approved = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var result in reader.ReadApprovedVouchersAsync(null, cancellationToken).ConfigureAwait(false))
            approved.Add(result.Record?.Key ?? result.Error!.RecordKey);

        var withdrawn = new List<string>();
        await foreach (var entry in ledger.QueryByKindAsync(WorkItemKind.Voucher.Value, cancellationToken).ConfigureAwait(false))
        {
            if (entry.RemoteId is null || entry.State == Ledger.SyncStates.Archived || approved.Contains(entry.Key)) continue;
            withdrawn.Add(entry.Key);
        }

        foreach (var key in withdrawn)
        {
            await snapshots.MarkWithdrawnAsync(key, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(key, "peoplesoft.sweep", "withdrawn", "no longer among the approved vouchers in PeopleSoft (denied, deleted or back to pending): its bill is archived if unpaid", run.RunId, cancellationToken).ConfigureAwait(false);
        }
        if (withdrawn.Count > 0)
        {
            await queue.EnqueueBatchesAsync(WorkItemKind.Voucher, withdrawn, options.Value.BillBatchSize, run.RunId, cancellationToken).ConfigureAwait(false);
            await runs.AddItemKeysAsync(run.RunId, withdrawn, cancellationToken).ConfigureAwait(false);
        }
        return withdrawn;
    }
}

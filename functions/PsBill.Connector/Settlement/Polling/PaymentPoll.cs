using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Settlement.Polling;

/// <summary>
/// The body of PollPayments, the safety net for lost or late webhooks: reads the BILL payments updated since the
/// checkpoint (less <see cref="SettlementOptions.PollOverlap"/>), and enqueues one settlement item per payment that
/// the ledger does not show settled yet. Payments not final are left to their next change; parked allocations are left
/// to the operator's replay. The checkpoint moves only when every payment was read and enqueued.
/// </summary>
public sealed class PaymentPoll(
    BillClient bill,
    LedgerStore ledger,
    CheckpointStore checkpoints,
    IWorkSink queue,
    RunStore runs,
    IOptions<SettlementOptions> options,
    TimeProvider time,
    ILogger<PaymentPoll> logger) : IPaymentPoll
{
    /// <summary>The checkpoint's name: the instant up to which payments were read (ISO 8601).</summary>
    public const string CheckpointName = "payments";

    /// <inheritdoc />
    public async Task<RunCounts> PollAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var checkpoint = await checkpoints.GetAsync(CheckpointName, cancellationToken).ConfigureAwait(false);
        var until = time.GetUtcNow();
        var since = checkpoint is not null && DateTimeOffset.TryParse(checkpoint.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var saved)
            ? saved - options.Value.PollOverlap
            : until - options.Value.InitialLookback;

        var seen = 0;
        var enqueued = new List<WorkItem>();
        await foreach (var payment in bill.ListPaymentsUpdatedAsync(since, until, cancellationToken).ConfigureAwait(false))
        {
            seen++;
            if (payment.Id is null || await IsSettledAsync(payment, cancellationToken).ConfigureAwait(false)) continue;
            var keys = Keys(payment);
            var item = new WorkItem { Kind = WorkItemKind.Payment, Keys = keys, RunId = run.RunId };
            await queue.EnqueueAsync(item, cancellationToken: cancellationToken).ConfigureAwait(false);
            enqueued.Add(item);
        }

        if (enqueued.Count > 0) await runs.AddItemKeysAsync(run.RunId, enqueued.SelectMany(i => i.Keys), cancellationToken).ConfigureAwait(false);
        var value = until.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        // Saved by the flow once the settlements it started are done: a crash before that reads the window again.
        await queue.SaveCheckpointAfterWorkAsync(checkpoint is null ? new Checkpoint(CheckpointName, value) : checkpoint with { Value = value }, cancellationToken).ConfigureAwait(false);

        SettlementLog.Polled(logger, run.RunId, seen, since, enqueued.Count);
        return new RunCounts(Seen: seen);
    }

    /// <summary>True when nothing is left to do for the payment: not final yet (its next change brings it back), or every
    /// allocation is in the state its status asks for (or parked, waiting for an operator).</summary>
    private async Task<bool> IsSettledAsync(Payment payment, CancellationToken cancellationToken)
    {
        var disposition = PaymentDispositions.Of(payment);
        if (disposition == PaymentDisposition.Pending) return true;
        IReadOnlyList<PaymentAllocation> allocations;
        try
        {
            allocations = PaymentAllocation.Of(payment);
        }
        catch (FormatException)
        {
            return false; // let the handler record why it cannot be settled
        }

        foreach (var allocation in allocations)
        {
            var row = await ledger.GetAsync(ItemKeys.Payment(payment.Id!, allocation.BillId), cancellationToken).ConfigureAwait(false);
            var settled = disposition == PaymentDisposition.Cleared
                ? row is not null && (row.State == LedgerState.Done || row.State == LedgerState.Parked)
                : row is null || row.State == SettlementStates.Reversed || row.State == SettlementStates.Voided || row.State == LedgerState.Parked;
            if (!settled) return false;
        }
        return true;
    }

    private static IReadOnlyList<string> Keys(Payment payment)
    {
        try
        {
            return PaymentAllocation.Of(payment).Select(a => ItemKeys.Payment(payment.Id!, a.BillId)).ToList();
        }
        catch (FormatException)
        {
            return [ItemKeys.Payment(payment.Id!, "*")];
        }
    }
}

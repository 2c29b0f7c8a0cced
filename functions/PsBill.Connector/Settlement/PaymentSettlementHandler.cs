using PsBill.Connector.Diagnostics.Telemetry;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;

namespace PsBill.Connector.Settlement;

/// <summary>
/// Runs settlement work items (kind <c>payment</c>, keys <c>payment:{paymentId}:{billId}</c>). The keys only name the
/// payments: each payment is read again from BILL (a webhook body is a hint, not the truth) and every allocation BILL
/// shows is settled by <see cref="PaymentSettler"/>. Safe to run any number of times for the same payment.
/// </summary>
public sealed class PaymentSettlementHandler(
    BillClient bill,
    PaymentSettler settler,
    AuditTrail audit,
    RunStore runs,
    IOptions<SettlementOptions> options) : IWorkItemHandler
{
    /// <inheritdoc />
    public WorkItemKind Kind => WorkItemKind.Payment;

    /// <inheritdoc />
    public async Task<WorkOutcome> HandleAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default) =>
        await SettleAsync(item, await ReadAsync(item, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The item's BILL part: each of its payments read once. A flow runs this on a BillGate slot and
    /// <see cref="SettleAsync"/> after giving the slot back, so the slot covers the BILL call and not the PeopleSoft posting
    /// and ledger writes that follow it.
    /// </summary>
    public async Task<IReadOnlyList<PaymentRead>> ReadAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reads = new List<PaymentRead>();
        foreach (var group in item.Keys.GroupBy(SafePaymentId, StringComparer.Ordinal))
        {
            var keys = group.ToList();
            if (group.Key.Length == 0)
            {
                reads.Add(new PaymentRead("", keys, Failure: $"not payment keys: {string.Join(", ", keys)}"));
                continue;
            }

            try
            {
                reads.Add(new PaymentRead(group.Key, keys, await bill.GetPaymentAsync(group.Key, cancellationToken).ConfigureAwait(false)));
            }
            catch (BillApiException ex) when (ex.Kind is BillFailureKind.Rejected or BillFailureKind.NotFound)
            {
                reads.Add(new PaymentRead(group.Key, keys, Failure: $"payment {group.Key}: {ex.Message}"));
            }
            catch (BillApiException ex)
            {
                // Rate limits, quota, outages, expired credentials: the payment is still there later.
                var after = ex.Kind == BillFailureKind.QuotaExceeded ? TimeSpan.FromMinutes(15) : options.Value.RetryDelay;
                reads.Add(new PaymentRead(group.Key, keys, RetryReason: $"payment {group.Key}: {ex.Message}", RetryAfter: after));
            }
        }
        return reads;
    }

    /// <summary>The item's payments, as <see cref="ReadAsync"/> read them, settled into PeopleSoft (no BILL call).</summary>
    public async Task<WorkOutcome> SettleAsync(WorkItem item, IReadOnlyList<PaymentRead> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(reads);
        var results = new List<AllocationResult>();
        var retryKeys = new List<string>();
        var failures = new List<string>();
        var retryAfter = TimeSpan.Zero;
        var reasons = new List<string>();

        foreach (var read in reads)
        {
            if (read.RetryReason is { } retryReason)
            {
                retryKeys.AddRange(read.Keys);
                retryAfter = Max(retryAfter, read.RetryAfter);
                reasons.Add(retryReason);
                continue;
            }
            if (read.Payment is not { } payment)
            {
                var failure = read.Failure ?? $"payment {read.PaymentId}: not read";
                if (read.PaymentId.Length > 0)
                    foreach (var key in read.Keys)
                        await audit.AppendAsync(key, "bill.payment.read", "failed", failure, item.RunId, cancellationToken).ConfigureAwait(false);
                failures.Add(failure);
                continue;
            }

            IReadOnlyList<AllocationResult> settled;
            using var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.Settle);
            span?.SetTag(PsBillTelemetry.Tags.RecordKeys, read.Keys.ToArray());
            try
            {
                settled = await settler.SettleAsync(payment, item.RunId, item.Replay, cancellationToken).ConfigureAwait(false);
                var posted = settled.Count(r => r.Kind == AllocationResultKind.Posted);
                var parkedHere = settled.Count(r => r.Kind == AllocationResultKind.Parked);
                var kind = new KeyValuePair<string, object?>(PsBillTelemetry.Tags.Kind, "payment");
                if (posted > 0) PsBillTelemetry.RecordsCreated.Add(posted, kind);
                if (parkedHere > 0) PsBillTelemetry.RecordsParked.Add(parkedHere, kind);
            }
            catch (FormatException ex)
            {
                foreach (var key in read.Keys)
                    await audit.AppendAsync(key, "bill.payment.read", "failed", ex.Message, item.RunId, cancellationToken).ConfigureAwait(false);
                failures.Add(ex.Message);
                continue;
            }

            results.AddRange(settled);
            var retries = settled.Where(r => r.Kind == AllocationResultKind.RetryLater).ToList();
            if (retries.Count > 0)
            {
                // Put back the item's own keys of this payment: the retry re-reads the payment and settles all of it again.
                retryKeys.AddRange(read.Keys);
                retryAfter = Max(retryAfter, retries.Max(r => r.RetryAfter));
                reasons.AddRange(retries.Select(r => $"{r.Key}: {r.Reason}"));
            }
        }

        if (item.RunId is not null) await runs.AddCountsAsync(item.RunId, Count(results), cancellationToken).ConfigureAwait(false);

        if (retryKeys.Count > 0)
            return WorkOutcome.RetryLater(retryAfter, string.Join("; ", reasons), retryKeys.Count == item.Keys.Count ? null : retryKeys.Distinct(StringComparer.Ordinal).ToList());
        if (failures.Count > 0) return WorkOutcome.Failed(string.Join("; ", failures));
        var parked = results.Where(r => r.Kind == AllocationResultKind.Parked).ToList();
        return parked.Count > 0
            ? WorkOutcome.Parked(string.Join("; ", parked.Select(r => $"{r.Key}: {r.Reason}")))
            : WorkOutcome.Done();
    }

    private static RunCounts Count(IEnumerable<AllocationResult> results)
    {
        var list = results.ToList();
        return new RunCounts(
            Created: list.Count(r => r.Kind == AllocationResultKind.Posted),
            Updated: list.Count(r => r.Kind is AllocationResultKind.Reversed or AllocationResultKind.Voided),
            AlreadyThere: list.Count(r => r.Kind is AllocationResultKind.AlreadySettled or AllocationResultKind.Pending),
            Parked: list.Count(r => r.Kind == AllocationResultKind.Parked));
    }

    private static string SafePaymentId(string key)
    {
        try
        {
            return SettlementKeys.PaymentIdOf(key);
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

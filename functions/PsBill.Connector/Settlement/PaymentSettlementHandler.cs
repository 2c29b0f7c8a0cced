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
    public async Task<WorkOutcome> HandleAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var results = new List<AllocationResult>();
        var retryKeys = new List<string>();
        var failures = new List<string>();
        var retryAfter = TimeSpan.Zero;
        var reasons = new List<string>();

        foreach (var group in item.Keys.GroupBy(SafePaymentId, StringComparer.Ordinal))
        {
            if (group.Key.Length == 0)
            {
                failures.Add($"not payment keys: {string.Join(", ", group)}");
                continue;
            }

            Payment payment;
            try
            {
                payment = await bill.GetPaymentAsync(group.Key, cancellationToken).ConfigureAwait(false);
            }
            catch (BillApiException ex) when (ex.Kind is BillFailureKind.Rejected or BillFailureKind.NotFound)
            {
                foreach (var key in group)
                    await audit.AppendAsync(key, "bill.payment.read", "failed", ex.Message, item.RunId, cancellationToken).ConfigureAwait(false);
                failures.Add($"payment {group.Key}: {ex.Message}");
                continue;
            }
            catch (BillApiException ex)
            {
                // Rate limits, quota, outages, expired credentials: the payment is still there later.
                retryKeys.AddRange(group);
                retryAfter = Max(retryAfter, ex.Kind == BillFailureKind.QuotaExceeded ? TimeSpan.FromMinutes(15) : options.Value.RetryDelay);
                reasons.Add($"payment {group.Key}: {ex.Message}");
                continue;
            }

            IReadOnlyList<AllocationResult> settled;
            using var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.Settle);
            span?.SetTag(PsBillTelemetry.Tags.RecordKeys, group.ToArray());
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
                foreach (var key in group)
                    await audit.AppendAsync(key, "bill.payment.read", "failed", ex.Message, item.RunId, cancellationToken).ConfigureAwait(false);
                failures.Add(ex.Message);
                continue;
            }

            results.AddRange(settled);
            var retries = settled.Where(r => r.Kind == AllocationResultKind.RetryLater).ToList();
            if (retries.Count > 0)
            {
                // Put back the item's own keys of this payment: the retry re-reads the payment and settles all of it again.
                retryKeys.AddRange(group);
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

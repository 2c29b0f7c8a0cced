using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Alerts.Channels;
using PsBill.Connector.Alerts.Health;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Alerts;

/// <summary>
/// Looks for what an operator must hear about and sends it, each cause at most once per <see cref="AlertOptions.Interval"/>
/// across all instances: a failed item (ledger state failed, or a key in the failures table), parked items growing,
/// a flow without a successful run for longer than its <see cref="AlertOptions.MaxLag"/>, an unexplained tie-out
/// difference or a tie-out that could not be made (the newest stored one, or the one passed in), BILL's hourly quota nearly
/// used. A plain method: the CheckAlerts timer runs it.
/// </summary>
public sealed class AlertMonitor(
    LedgerStore ledger,
    FailedItemStore failures,
    AlertStateStore state,
    HealthService health,
    IEnumerable<IAlertChannel> channels,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertMonitor> logger,
    BillHourlyCalls? billCalls = null,
    TieOutStore? tieOuts = null)
{
    /// <summary>Evaluates every cause and sends the new ones; returns the alerts sent now.</summary>
    public async Task<IReadOnlyList<Alert>> CheckAsync(TieOutReport? tieOut = null, CancellationToken cancellationToken = default)
    {
        var found = new List<Alert>();
        await FailedItemsAsync(found, cancellationToken).ConfigureAwait(false);
        await ParkedGrowthAsync(found, cancellationToken).ConfigureAwait(false);
        await LagAsync(found, cancellationToken).ConfigureAwait(false);
        await TieOutAsync(found, tieOut, cancellationToken).ConfigureAwait(false);
        if (Quota() is { } quota) found.Add(quota);

        var sent = new List<Alert>();
        var now = time.GetUtcNow();
        foreach (var alert in found)
        {
            if (!await state.TryClaimAsync(alert.Cause, now, options.Value.Interval, cancellationToken).ConfigureAwait(false)) continue;
            AlertLog.Raised(logger, alert.Cause, alert.Text);
            foreach (var channel in channels.Where(Configured))
            {
                try
                {
                    await channel.SendAsync(alert, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or System.Net.Mail.SmtpException or InvalidOperationException or TaskCanceledException)
                {
                    // One channel down must not silence the others; the log still has the alert.
                    AlertLog.ChannelFailed(logger, channel.Name, alert.Cause, ex.Message);
                }
            }
            sent.Add(alert);
        }
        return sent;
    }

    private bool Configured(IAlertChannel channel) => channel switch
    {
        WebhookAlertChannel => options.Value.WebhookUrl is not null,
        SmtpAlertChannel => !string.IsNullOrWhiteSpace(options.Value.SmtpHost),
        _ => true,
    };

    private Alert Make(string cause, string title, string text) => new(cause, title, text, options.Value.OpsPageUrl);

    private async Task FailedItemsAsync(List<Alert> found, CancellationToken cancellationToken)
    {
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Failed, cancellationToken).ConfigureAwait(false))
            found.Add(Make($"failed:{entry.Key}", $"PsBill: {entry.Key} failed", $"{entry.Key} failed and needs an operator: {entry.ParkedReason ?? "see its audit trail"}"));

        await foreach (var failed in failures.ListAsync(cancellationToken).ConfigureAwait(false))
            found.Add(Make($"failed:{failed.Key}", $"PsBill: {failed.Key} failed", $"{failed.Key} failed after every retry and needs an operator: {failed.Reason}"));
    }

    private async Task ParkedGrowthAsync(List<Alert> found, CancellationToken cancellationToken)
    {
        long parked = 0;
        await foreach (var _ in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false)) parked++;
        var last = await state.ExchangeFigureAsync("parked", parked, cancellationToken).ConfigureAwait(false);
        if (last is { } before && parked > before)
            found.Add(Make("parked-growing", "PsBill: parked items are growing",
                string.Create(CultureInfo.InvariantCulture, $"Parked items grew from {before} to {parked}; each has its reason on the ops page.")));
    }

    private async Task LagAsync(List<Alert> found, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken).ConfigureAwait(false);
        foreach (var flow in report.Flows.Where(f => !f.Healthy))
        {
            var text = flow.LastSuccess is { } last
                ? string.Create(CultureInfo.InvariantCulture, $"{flow.Flow} has not succeeded since {last:u} ({flow.Lag!.Value.TotalMinutes:0} minutes; the limit is {flow.MaxLag.TotalMinutes:0}).")
                : $"{flow.Flow} has no successful run on record.";
            found.Add(Make($"lag:{flow.Flow}", $"PsBill: {flow.Flow} is behind", text));
        }
    }

    private async Task TieOutAsync(List<Alert> found, TieOutReport? report, CancellationToken cancellationToken)
    {
        if (report is not null)
        {
            if (report.Unexplained > 0)
                found.Add(Unexplained(report.Unexplained, report.AsOf, report.Total.Verdict,
                    report.Lines.Where(l => l.Status == TieOutStatus.Unexplained).SelectMany(l => l.Notes.Where(n => !n.Explains)).Select(n => n.Text)));
            return;
        }

        if (tieOuts is null || await tieOuts.LatestAsync(cancellationToken: cancellationToken).ConfigureAwait(false) is not { } newest) return;
        if (!newest.Made)
            found.Add(Make("tieout-failed", "PsBill: the tie-out could not be made",
                string.Create(CultureInfo.InvariantCulture, $"The tie-out at {newest.GeneratedAt:u} (after run {newest.RunId ?? "?"}) could not be made: {newest.Error}")));
        else if (newest.Unexplained > 0)
            found.Add(Unexplained(newest.Unexplained, newest.AsOf, newest.Verdict, newest.UnexplainedExamples));
    }

    private Alert Unexplained(int count, DateOnly? asOf, string? verdict, IEnumerable<string> examples) =>
        Make("tieout-unexplained", $"PsBill: {count} unexplained tie-out differences",
            $"The tie-out as of {asOf:yyyy-MM-dd} {verdict}.\n{string.Join("\n", examples.Take(5).Select(e => "- " + e))}");

    private Alert? Quota()
    {
        if (billCalls is null) return null;
        var (hour, calls) = billCalls.Current();
        var limit = options.Value.BillHourlyQuota * options.Value.BillQuotaWarningShare;
        return calls < limit ? null : Make("bill-quota", "PsBill: BILL hourly quota nearly used",
            string.Create(CultureInfo.InvariantCulture, $"{calls} BILL calls since {hour:u} from this instance, of {options.Value.BillHourlyQuota} allowed per hour."));
    }
}

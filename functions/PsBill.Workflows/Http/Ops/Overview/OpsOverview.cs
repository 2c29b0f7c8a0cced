using Microsoft.DurableTask.Client;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Workflows.Http.Ops.Attention;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows.Http.Ops.Overview;

/// <summary>
/// Builds the overview: the attention groups (from <see cref="AttentionBoard"/>), each flow's singleton (through the Durable
/// client) and runs (the runs table), and today's counts from the ledger rows written since the start of the day.
/// </summary>
public sealed class OpsOverview(AttentionBoard attention, RunStore runs, LedgerStore ledger, FailedItemStore failures, TimeProvider time)
{
    // Enough runs to find the last success of a flow that failed a few times in a row.
    private const int RecentRuns = 30;

    /// <summary>The overview now; "today" starts at <paramref name="since"/> (the viewer's midnight), else at midnight UTC.</summary>
    public async Task<OverviewView> BuildAsync(DurableTaskClient client, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var dayStart = since ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var groups = await attention.SummaryAsync(cancellationToken).ConfigureAwait(false);
        var flows = new List<FlowHealth>();
        foreach (var flow in FunctionNames.Flows) flows.Add(await FlowAsync(client, flow, now, cancellationToken).ConfigureAwait(false));
        var today = await TodayAsync(dayStart, cancellationToken).ConfigureAwait(false);
        return new OverviewView(now, groups.Sum(g => g.Count), groups.Where(g => g.Count > 0).ToList(), flows, today);
    }

    private async Task<FlowHealth> FlowAsync(DurableTaskClient client, string flow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(FlowStarter.InstanceIdOf(flow), getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        var recent = await runs.ListRecentAsync(RecentRuns, flow, cancellationToken).ConfigureAwait(false);
        var last = recent.Count > 0 ? recent[0] : null;
        var success = recent.FirstOrDefault(r => r.Status == RunStatus.Succeeded);
        return new FlowHealth(
            flow,
            instance?.RuntimeStatus.ToString() ?? "never run",
            instance is not null && FlowStarter.IsActive(instance.RuntimeStatus),
            success?.EndedAt ?? success?.StartedAt,
            success is null ? null : Math.Round((now - success.StartedAt).TotalSeconds),
            last?.Id,
            last?.Status.Value,
            last?.Error,
            instance?.SerializedCustomStatus);
    }

    private async Task<TodayCounts> TodayAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        int bills = 0, payments = 0, parked = 0, failed = 0;
        await foreach (var entry in ledger.QueryAsync(new LedgerQuery(UpdatedSince: since), cancellationToken).ConfigureAwait(false))
        {
            if (entry.State == LedgerState.Parked) parked++;
            else if (entry.State == LedgerState.Done && entry.Kind == "voucher") bills++;
            else if (entry.State == LedgerState.Done && entry.Kind == "payment") payments++;
        }
        await foreach (var item in failures.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.At >= since) failed++;
        }
        return new TodayCounts(since, bills, payments, parked, failed);
    }
}

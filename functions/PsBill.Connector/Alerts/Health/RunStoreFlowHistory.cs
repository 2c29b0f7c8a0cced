using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Alerts.Health;

/// <summary><see cref="IFlowRunHistory"/> over the <c>runs</c> table: the newest succeeded run among the flow's recent ones.</summary>
public sealed class RunStoreFlowHistory(RunStore runs) : IFlowRunHistory
{
    private const int RecentRuns = 50;

    /// <inheritdoc />
    public async Task<DateTimeOffset?> LastSuccessAsync(string flow, CancellationToken cancellationToken = default)
    {
        var recent = await runs.ListRecentAsync(RecentRuns, flow, cancellationToken).ConfigureAwait(false);
        return recent.Where(r => r.Status == RunStatus.Succeeded).Select(r => r.EndedAt ?? r.StartedAt).DefaultIfEmpty().Max() is { } last && last != default
            ? last
            : null;
    }
}

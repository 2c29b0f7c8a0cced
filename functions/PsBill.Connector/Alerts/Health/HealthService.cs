using Microsoft.Extensions.Options;

namespace PsBill.Connector.Alerts.Health;

/// <summary>Builds the <see cref="HealthReport"/>: every flow of <see cref="AlertOptions.MaxLag"/> with its lag now.</summary>
public sealed class HealthService(IFlowRunHistory history, IOptions<AlertOptions> options, TimeProvider time)
{
    /// <summary>The health now.</summary>
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var flows = new List<FlowHealth>();
        foreach (var (flow, maxLag) in options.Value.MaxLag.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var last = await history.LastSuccessAsync(flow, cancellationToken).ConfigureAwait(false);
            flows.Add(new FlowHealth(flow, last, last is { } at ? now - at : null, maxLag));
        }
        return new HealthReport(now, flows);
    }
}

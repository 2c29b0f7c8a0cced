using Microsoft.AspNetCore.Http;
using PsBill.Connector.Alerts.Health;

namespace PsBill.Workflows.Http;

/// <summary>
/// <c>GET /api/health</c>, the same in both hosts: each flow's last successful run and lag against its
/// <c>PsBill:Alerts:MaxLag</c>, as JSON; 200 when every flow is within it, 503 when one lags or never ran, so an Azure
/// Monitor availability test (or any probe) can watch it. Anonymous: it shows flow names and times, nothing else.
/// </summary>
public sealed class HealthEndpoint(HealthService health)
{
    /// <summary>The route.</summary>
    public const string Path = "/api/health";

    /// <summary>Handles one call.</summary>
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var report = await health.CheckAsync(cancellationToken).ConfigureAwait(false);
        var body = new
        {
            healthy = report.Healthy,
            checkedAt = report.CheckedAt,
            flows = report.Flows.Select(f => new
            {
                flow = f.Flow,
                healthy = f.Healthy,
                lastSuccess = f.LastSuccess,
                lagMinutes = f.Lag is { } lag ? Math.Round(lag.TotalMinutes, 1) : (double?)null,
                maxLagMinutes = f.MaxLag.TotalMinutes,
            }),
        };
        return Results.Json(body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

namespace PsBill.Connector.Alerts.Health;

/// <summary>What <c>GET /api/health</c> answers: per-flow lag and one verdict (serve 200 when <see cref="Healthy"/>, else 503,
/// so an Azure Monitor availability test can watch it).</summary>
public sealed record HealthReport(DateTimeOffset CheckedAt, IReadOnlyList<FlowHealth> Flows)
{
    /// <summary>True when every flow is within its lag.</summary>
    public bool Healthy => Flows.All(f => f.Healthy);
}

using PsBill.Workflows.Http.Ops.Attention;

namespace PsBill.Workflows.Http.Ops.Overview;

/// <summary>The overview: what needs the operator first, then the flows and today's counts.</summary>
/// <param name="Now">The server's clock when it was read.</param>
/// <param name="NeedsAttention">Records parked or failed, all groups together.</param>
/// <param name="Attention">The groups that hold records, most urgent first.</param>
/// <param name="Flows">Each timer flow.</param>
/// <param name="Today">Today's counts.</param>
public sealed record OverviewView(DateTimeOffset Now, int NeedsAttention, IReadOnlyList<AttentionGroup> Attention, IReadOnlyList<FlowHealth> Flows, TodayCounts Today);

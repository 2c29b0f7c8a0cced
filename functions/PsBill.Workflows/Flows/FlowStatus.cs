namespace PsBill.Workflows.Flows;

/// <summary>A flow's custom status (what Durable Functions Monitor and the ops page show while it runs).</summary>
public sealed record FlowStatus(string RunId, int Page, string Doing);

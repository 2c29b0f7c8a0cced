namespace PsBill.Workflows.Http.Ops;

/// <summary>A flow's singleton as the ops page shows it.</summary>
public sealed record FlowState(string Flow, string Status, DateTimeOffset? LastUpdatedAt, string? CustomStatus);

namespace PsBill.Workflows.Flows;

/// <summary>Keys whose work failed after every retry, with the reason.</summary>
public sealed record FailedWork(IReadOnlyList<string> Keys, string Reason, string? RunId);

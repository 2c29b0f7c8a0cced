using PsBill.Connector.Storage.Runs;

namespace PsBill.Workflows.Flows;

/// <summary>A run's end: its counts, and the error when it failed.</summary>
public sealed record CompleteRunInput(string RunId, RunCounts Counts, string? Error = null);

using PsBill.Connector.Storage.Runs;

namespace PsBill.Workflows.Flows;

/// <summary>A flow orchestration's output.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Pages">Pages read so far.</param>
/// <param name="Totals">Records seen and parked by the reads.</param>
/// <param name="FailedKeys">Keys recorded as failed on the last page.</param>
public sealed record FlowSummary(string RunId, int Pages, RunCounts Totals, int FailedKeys);

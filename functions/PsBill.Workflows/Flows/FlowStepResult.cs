using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>What one page of a flow's step found: work to run, checkpoints to save after it, and whether more follows.
/// Items carry keys only (records stay in storage), so the orchestration's history stays small.</summary>
/// <param name="Items">The work items.</param>
/// <param name="Checkpoints">Checkpoints to save once the items are done.</param>
/// <param name="Seen">Records the page saw.</param>
/// <param name="Parked">Records the page parked (rows that could not be read).</param>
/// <param name="More">True when another page follows.</param>
public sealed record FlowStepResult(IReadOnlyList<WorkItem> Items, IReadOnlyList<CheckpointValue> Checkpoints, int Seen, int Parked, bool More);

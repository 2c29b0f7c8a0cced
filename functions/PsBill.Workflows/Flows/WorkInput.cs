using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>The input of a work orchestration (a settlement started by the webhook, a replay): items to run on the gate.</summary>
/// <param name="Items">The work items.</param>
/// <param name="GateKey">The BillGate key (a hash of the BILL organization).</param>
/// <param name="Work">Retry rules and slots.</param>
/// <param name="RunId">The run the items count toward, if any.</param>
public sealed record WorkInput(IReadOnlyList<WorkItem> Items, string GateKey, WorkSettings Work, string? RunId = null);

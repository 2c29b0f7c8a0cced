using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>One lane: items run one after the other while the lane holds BillGate slot <paramref name="Slot"/>.</summary>
/// <param name="GateKey">The BillGate key.</param>
/// <param name="Slot">The slot (0 .. slots - 1).</param>
/// <param name="Items">The items, in order.</param>
/// <param name="Work">Retry rules.</param>
public sealed record LaneInput(string GateKey, int Slot, IReadOnlyList<WorkItem> Items, WorkSettings Work);

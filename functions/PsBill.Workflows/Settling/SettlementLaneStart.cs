namespace PsBill.Workflows.Settling;

/// <summary>A lane the <see cref="SettlementQueue"/> starts: its instance id, its slot and its batch.</summary>
/// <param name="InstanceId">The lane's instance id (<c>settlelane-{gate key}-{slot}-{n}</c>, never reused).</param>
/// <param name="Slot">The BillGate slot.</param>
/// <param name="Batch">The payments it settles.</param>
public sealed record SettlementLaneStart(string InstanceId, int Slot, IReadOnlyList<QueuedSettlement> Batch);

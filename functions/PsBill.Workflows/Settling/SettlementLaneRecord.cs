namespace PsBill.Workflows.Settling;

/// <summary>A running lane as the <see cref="SettlementQueue"/> keeps it: its slot, its batch and when it was started.</summary>
/// <param name="Slot">The BillGate slot it locks.</param>
/// <param name="Batch">The payments it was given: put back in the queue if the lane is lost.</param>
/// <param name="Started">When the queue started it.</param>
public sealed record SettlementLaneRecord(int Slot, IReadOnlyList<QueuedSettlement> Batch, DateTimeOffset Started);

namespace PsBill.Workflows.Settling;

/// <summary>The input of a <see cref="SettlementLaneOrchestration"/>: one batch of waiting payments and the slot to settle it on.</summary>
/// <param name="GateKey">The BillGate key (a hash of the BILL organization); also the queue's key.</param>
/// <param name="Slot">The BillGate slot the lane locks while it settles.</param>
/// <param name="Batch">The payments, oldest first (never empty; the retry rules come with them).</param>
public sealed record SettlementLaneInput(string GateKey, int Slot, IReadOnlyList<QueuedSettlement> Batch);

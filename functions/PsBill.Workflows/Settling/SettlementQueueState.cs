namespace PsBill.Workflows.Settling;

/// <summary>
/// What the <see cref="SettlementQueue"/> entity keeps: the payments waiting for a lane and the lanes running. Plain
/// logic, no Durable types, so it is tested on its own; the entity persists it after every batch of operations.
/// </summary>
public sealed class SettlementQueueState
{
    /// <summary>Payments waiting for a lane, oldest first.</summary>
    public List<QueuedSettlement> Waiting { get; set; } = [];

    /// <summary>Running lanes: instance id to the slot it locks.</summary>
    public Dictionary<string, int> Lanes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Lanes started so far: numbers their instance ids, so no lane reuses another's id.</summary>
    public long LanesStarted { get; set; }

    /// <summary>BillGate slots, as the last queued settlement carried them.</summary>
    public int Slots { get; set; } = 1;

    /// <summary>
    /// Adds <paramref name="entry"/> and returns the lanes to start. <paramref name="restart"/> (a settlement waited longer
    /// than a lane can take) forgets the lanes it knew, in case one ended without saying so; a lane that is in fact still
    /// running only means two lanes on one slot for a while, and the slot's lock keeps them from calling BILL at once.
    /// </summary>
    public IReadOnlyList<SettlementLaneStart> Add(QueuedSettlement entry, string gateKey, int batchSize, bool restart)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (restart) Lanes.Clear();
        Slots = Math.Max(1, entry.Work.Slots);
        // A payment queued again after its wait ran out is not settled twice in one batch.
        if (!Waiting.Exists(w => w.InstanceId == entry.InstanceId && w.Ticket == entry.Ticket)) Waiting.Add(entry);
        return StartLanes(gateKey, batchSize);
    }

    /// <summary>Lane <paramref name="laneId"/> has answered its batch: its slot is free for the next waiting payments.</summary>
    public IReadOnlyList<SettlementLaneStart> Finish(string laneId, string gateKey, int batchSize)
    {
        Lanes.Remove(laneId);
        return StartLanes(gateKey, batchSize);
    }

    /// <summary>
    /// Lanes per slot: the second waits at the slot's lock with its batch while the first settles, so the slot passes
    /// straight to it (one lock handoff) instead of waiting for a new lane to be started after the first is done.
    /// </summary>
    public const int LanesPerSlot = 2;

    // Lanes while payments wait, on the slot with the fewest lanes, each with the oldest batchSize of them.
    private List<SettlementLaneStart> StartLanes(string gateKey, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var started = new List<SettlementLaneStart>();
        while (Lanes.Count < Slots * LanesPerSlot && Waiting.Count > 0)
        {
            var slot = Enumerable.Range(0, Slots).MinBy(s => Lanes.Values.Count(v => v == s));
            var id = $"settlelane-{gateKey}-{slot}-{++LanesStarted}";
            var batch = Waiting.Take(batchSize).ToList();
            Waiting.RemoveRange(0, batch.Count);
            Lanes[id] = slot;
            started.Add(new SettlementLaneStart(id, slot, batch));
        }
        return started;
    }
}

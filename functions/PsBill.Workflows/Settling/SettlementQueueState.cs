namespace PsBill.Workflows.Settling;

/// <summary>
/// What the <see cref="SettlementQueue"/> entity keeps: the payments waiting for a lane and the lanes running with their
/// batches. Plain logic, no Durable types, so it is tested on its own; the entity persists it after every batch of
/// operations.
/// </summary>
public sealed class SettlementQueueState
{
    /// <summary>
    /// Lanes per slot: the second waits at the slot's lock with its batch while the first settles, so the slot passes
    /// straight to it (one lock handoff) instead of waiting for a new lane to be started after the first is done.
    /// </summary>
    public const int LanesPerSlot = 2;

    /// <summary>
    /// A lane that has not said it is done this long after it was started is taken as lost (terminated, or failed where its
    /// code could not run): its batch waits again for a new lane. Far longer than a batch takes, retries included; a lane
    /// that was only slow settles its batch a second time, which the ledger makes harmless.
    /// </summary>
    public static readonly TimeSpan LaneTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Payments waiting for a lane, oldest first.</summary>
    public List<QueuedSettlement> Waiting { get; set; } = [];

    /// <summary>Running lanes by instance id.</summary>
    public Dictionary<string, SettlementLaneRecord> Lanes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Lanes started so far: numbers their instance ids, so no lane reuses another's id.</summary>
    public long LanesStarted { get; set; }

    /// <summary>BillGate slots, as the last queued settlement carried them.</summary>
    public int Slots { get; set; } = 1;

    /// <summary>When the queue has asked itself to look for lost lanes (null: no look pending).</summary>
    public DateTimeOffset? CheckDue { get; set; }

    /// <summary>Adds <paramref name="entry"/> (once: a repeated one is ignored) and returns the lanes to start.</summary>
    public IReadOnlyList<SettlementLaneStart> Add(QueuedSettlement entry, string gateKey, int batchSize, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Slots = Math.Max(1, entry.Work.Slots);
        if (!Waiting.Exists(w => w.Ticket == entry.Ticket)) Waiting.Add(entry);
        return StartLanes(gateKey, batchSize, now);
    }

    /// <summary>Lane <paramref name="laneId"/> has answered its batch: its place goes to the next waiting payments.</summary>
    public IReadOnlyList<SettlementLaneStart> Finish(string laneId, string gateKey, int batchSize, DateTimeOffset now)
    {
        Lanes.Remove(laneId);
        return StartLanes(gateKey, batchSize, now);
    }

    /// <summary>Puts the batches of lost lanes (see <see cref="LaneTimeout"/>) back in front of the queue; returns the lanes to start.</summary>
    public IReadOnlyList<SettlementLaneStart> Recover(string gateKey, int batchSize, DateTimeOffset now)
    {
        var lost = Lanes.Where(l => now - l.Value.Started >= LaneTimeout).OrderBy(l => l.Value.Started).ToList();
        var back = lost.SelectMany(l => l.Value.Batch).Where(e => !Waiting.Exists(w => w.Ticket == e.Ticket)).ToList();
        foreach (var lane in lost) Lanes.Remove(lane.Key);
        Waiting.InsertRange(0, back);
        return StartLanes(gateKey, batchSize, now);
    }

    /// <summary>When the oldest running lane would count as lost, or null with no lane running.</summary>
    public DateTimeOffset? NextLossCheck() => Lanes.Count == 0 ? null : Lanes.Values.Min(l => l.Started) + LaneTimeout;

    // Lanes while payments wait, on the slot with the fewest lanes, each with the oldest batchSize of them.
    private List<SettlementLaneStart> StartLanes(string gateKey, int batchSize, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var started = new List<SettlementLaneStart>();
        while (Lanes.Count < Slots * LanesPerSlot && Waiting.Count > 0)
        {
            var slot = Enumerable.Range(0, Slots).MinBy(s => Lanes.Values.Count(l => l.Slot == s));
            var id = $"settlelane-{gateKey}-{slot}-{++LanesStarted}";
            var batch = Waiting.Take(batchSize).ToList();
            Waiting.RemoveRange(0, batch.Count);
            Lanes[id] = new SettlementLaneRecord(slot, batch, now);
            started.Add(new SettlementLaneStart(id, slot, batch));
        }
        return started;
    }
}

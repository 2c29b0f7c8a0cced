using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace PsBill.Workflows.Settling;

/// <summary>
/// Entity <see cref="FunctionNames.Entities.SettlementQueue"/> (one per BILL organization, keyed by the gate key): the
/// payments that webhooks brought, waiting for a settlement lane. Each settlement keeps its own orchestration (its instance
/// id is what makes a repeated webhook start nothing), but its BILL work goes through a lane that settles a batch of
/// waiting payments per BillGate slot hold (<see cref="SettlementLaneOrchestration"/>): one slot handoff and one activity
/// per batch, not per payment. The queue starts a lane, with the oldest waiting payments, whenever a slot has fewer than
/// <see cref="SettlementQueueState.LanesPerSlot"/> (the second waits at the slot's lock, so the slot goes from one batch
/// to the next with one lock handoff); a lane that has answered its batch says so, and a new lane takes the next batch.
/// A lane that never says so is found by a look the queue schedules for itself, and its batch waits again
/// (<see cref="SettlementQueueState.LaneTimeout"/>). Entity operations run one at a time, so queueing and starting never
/// race. Entities do not replay, so reading the clock here is safe.
/// </summary>
public sealed class SettlementQueue(TimeProvider time) : TaskEntity<SettlementQueueState>
{
    /// <summary>Payments a lane takes at once: one activity settles them on the lane's slot.</summary>
    public const int BatchSize = 20;

    /// <summary>The queue of the organization behind <paramref name="gateKey"/>.</summary>
    public static EntityInstanceId For(string gateKey) => new(FunctionNames.Entities.SettlementQueue, gateKey);

    /// <summary>Operation <c>Enqueue</c>: a payment waits for a lane; a lane is started if a slot has room for one.</summary>
    public void Enqueue(QueuedSettlement entry) => Start(State.Add(entry, Context.Id.Key, BatchSize, time.GetUtcNow()));

    /// <summary>Operation <c>Finish</c>: a lane (its instance id) has answered its batch.</summary>
    public void Finish(string laneId) => Start(State.Finish(laneId, Context.Id.Key, BatchSize, time.GetUtcNow()));

    /// <summary>Operation <c>Check</c>, which the queue signals to itself: lost lanes' batches wait again.</summary>
    public void Check()
    {
        State.CheckDue = null;
        Start(State.Recover(Context.Id.Key, BatchSize, time.GetUtcNow()));
    }

    /// <inheritdoc />
    protected override SettlementQueueState InitializeState(TaskEntityOperation entityOperation) => new();

    private void Start(IReadOnlyList<SettlementLaneStart> lanes)
    {
        foreach (var lane in lanes)
        {
            Context.ScheduleNewOrchestration(FunctionNames.Orchestrators.SettlementLane,
                new SettlementLaneInput(Context.Id.Key, lane.Slot, lane.Batch), new StartOrchestrationOptions(lane.InstanceId));
        }

        // One look pending at a time, due when the oldest running lane would count as lost.
        if (State.CheckDue is null && State.NextLossCheck() is { } due)
        {
            State.CheckDue = due;
            Context.SignalEntity(Context.Id, nameof(Check), options: new SignalEntityOptions { SignalTime = due });
        }
    }
}

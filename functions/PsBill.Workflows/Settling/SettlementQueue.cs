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
/// Entity operations run one at a time, so queueing and starting never race.
/// </summary>
public sealed class SettlementQueue : TaskEntity<SettlementQueueState>
{
    /// <summary>Payments a lane takes at once: one activity settles them one after another on the lane's slot.</summary>
    public const int BatchSize = 20;

    /// <summary>The queue of the organization behind <paramref name="gateKey"/>.</summary>
    public static EntityInstanceId For(string gateKey) => new(FunctionNames.Entities.SettlementQueue, gateKey);

    /// <summary>Operation <c>Enqueue</c>: a payment waits for a lane; a lane is started if a slot has room for one.</summary>
    public void Enqueue(QueuedSettlement entry) => Start(State.Add(entry, Context.Id.Key, BatchSize, restart: false));

    /// <summary>Operation <c>Requeue</c>: a payment waited longer than any lane takes; it waits again and lanes are started anew.</summary>
    public void Requeue(QueuedSettlement entry) => Start(State.Add(entry, Context.Id.Key, BatchSize, restart: true));

    /// <summary>Operation <c>Finish</c>: a lane (its instance id) has answered its batch.</summary>
    public void Finish(string laneId) => Start(State.Finish(laneId, Context.Id.Key, BatchSize));

    /// <summary>Operation <c>Get</c>: the state, for the ops view and tests.</summary>
    public SettlementQueueState Get() => State;

    /// <inheritdoc />
    protected override SettlementQueueState InitializeState(TaskEntityOperation entityOperation) => new();

    private void Start(IReadOnlyList<SettlementLaneStart> lanes)
    {
        foreach (var lane in lanes)
        {
            var work = lane.Batch[0].Work;
            Context.ScheduleNewOrchestration(FunctionNames.Orchestrators.SettlementLane,
                new SettlementLaneInput(Context.Id.Key, lane.Slot, lane.Batch, work), new StartOrchestrationOptions(lane.InstanceId));
        }
    }
}

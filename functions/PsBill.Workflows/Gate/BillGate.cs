using Microsoft.DurableTask.Entities;

namespace PsBill.Workflows.Gate;

/// <summary>
/// One slot of the BILL semaphore. BILL allows 3 calls in flight per organization, so there are 3 of these per
/// organization (<see cref="BillGateSlots"/>), and an orchestration runs its BILL activities inside a critical section
/// over one of them (<c>LockEntitiesAsync</c>): the engine queues lock requests at each entity, FIFO, across every
/// instance and flow, and frees the lock when the orchestration leaves the section or ends. The lock is the whole
/// mechanism; the entity records how often it was taken, for the ops view.
/// </summary>
public sealed class BillGate : TaskEntity<BillGateState>
{
    /// <summary>Returns the slot's state.</summary>
    public BillGateState Get() => State;

    /// <inheritdoc />
    protected override BillGateState InitializeState(TaskEntityOperation entityOperation) => new();
}

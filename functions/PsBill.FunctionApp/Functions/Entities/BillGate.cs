using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using Slot = PsBill.Workflows.Gate.BillGate;

namespace PsBill.FunctionApp.Functions.Entities;

/// <summary>Entity <c>BillGate</c>: one slot of the BILL semaphore (<see cref="Slot"/>); orchestrations lock it.</summary>
public static class BillGate
{
    /// <summary>The entity function.</summary>
    [Function(FunctionNames.Entities.BillGate)]
    public static Task Run([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<Slot>();
}

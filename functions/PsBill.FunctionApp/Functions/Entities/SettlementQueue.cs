using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using Queue = PsBill.Workflows.Settling.SettlementQueue;

namespace PsBill.FunctionApp.Functions.Entities;

/// <summary>Entity <c>SettlementQueue</c>: the payments waiting for a settlement lane (<see cref="Queue"/>).</summary>
public static class SettlementQueue
{
    /// <summary>The entity function.</summary>
    [Function(FunctionNames.Entities.SettlementQueue)]
    public static Task Run([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<Queue>();
}

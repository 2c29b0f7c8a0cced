using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Settling;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>SettlementLane</c>: waiting payments settled a batch per slot hold (<see cref="SettlementLaneOrchestration"/>).</summary>
public static class SettlementLane
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.Orchestrators.SettlementLane)]
    public static Task<int> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SettlementLaneOrchestration.RunAsync(context, context.GetInput<SettlementLaneInput>()!);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>BillLane</c>: work items in a row on one BillGate slot (<see cref="BillLaneOrchestration"/>).</summary>
public static class BillLane
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.Orchestrators.BillLane)]
    public static Task<IReadOnlyList<WorkItemResult>> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        BillLaneOrchestration.RunAsync(context, context.GetInput<LaneInput>()!);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>PollSuppliersFlow</c>: one page of the PollSuppliers flow (<see cref="FlowOrchestration"/>).</summary>
public static class PollSuppliersFlow
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.PollSuppliers + "Flow")]
    public static Task<FlowSummary> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        FlowOrchestration.RunAsync(context, context.GetInput<FlowInput>()!);
}

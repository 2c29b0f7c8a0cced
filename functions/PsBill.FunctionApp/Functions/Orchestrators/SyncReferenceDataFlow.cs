using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>SyncReferenceDataFlow</c>: one page of the SyncReferenceData flow (<see cref="FlowOrchestration"/>).</summary>
public static class SyncReferenceDataFlow
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.SyncReferenceData + "Flow")]
    public static Task<FlowSummary> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        FlowOrchestration.RunAsync(context, context.GetInput<FlowInput>()!);
}

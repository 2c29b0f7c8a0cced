using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>PollVouchersFlow</c>: one page of the PollVouchers flow (<see cref="FlowOrchestration"/>).</summary>
public static class PollVouchersFlow
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.PollVouchers + "Flow")]
    public static Task<FlowSummary> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        FlowOrchestration.RunAsync(context, context.GetInput<FlowInput>()!);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>PollPaymentsFlow</c>: one page of the PollPayments flow (<see cref="FlowOrchestration"/>).</summary>
public static class PollPaymentsFlow
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.PollPayments + "Flow")]
    public static Task<FlowSummary> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        FlowOrchestration.RunAsync(context, context.GetInput<FlowInput>()!);
}

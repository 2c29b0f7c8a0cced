using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;
using PsBill.Workflows.Settling;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>SettlePayment</c>: one BILL payment settled into PeopleSoft, started by the webhook (<see cref="SettlementOrchestration"/>).</summary>
public static class SettlePayment
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.Orchestrators.SettlePayment)]
    public static Task<WorkTally> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SettlementOrchestration.RunAsync(context, context.GetInput<WorkInput>()!);
}

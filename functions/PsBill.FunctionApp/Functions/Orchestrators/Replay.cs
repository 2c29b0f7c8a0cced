using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Orchestrators;

/// <summary>Orchestrator <c>Replay</c>: keys an operator chose, run again (<see cref="WorkOrchestration"/>).</summary>
public static class Replay
{
    /// <summary>The orchestrator function.</summary>
    [Function(FunctionNames.Orchestrators.Replay)]
    public static Task<WorkTally> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        WorkOrchestration.RunAsync(context, context.GetInput<WorkInput>()!);
}

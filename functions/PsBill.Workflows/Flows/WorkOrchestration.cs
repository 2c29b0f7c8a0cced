using Microsoft.DurableTask;

namespace PsBill.Workflows.Flows;

/// <summary>
/// The orchestration behind <see cref="FunctionNames.Orchestrators.Replay"/> (keys an operator chose): its items fanned out
/// over the BillGate. The ledger keeps a replay from posting or creating twice.
/// </summary>
public static class WorkOrchestration
{
    /// <summary>The orchestrator body.</summary>
    public static async Task<WorkTally> RunAsync(TaskOrchestrationContext context, WorkInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await WorkRounds.RunAsync(context, input.Items, input.GateKey, input.Work, input.RunId);
    }
}

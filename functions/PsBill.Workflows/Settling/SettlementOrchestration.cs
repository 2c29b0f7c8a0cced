using Microsoft.DurableTask;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Settling;

/// <summary>
/// The orchestration behind <see cref="FunctionNames.Orchestrators.SettlePayment"/>: one webhook's payment (instance id from
/// the payment and the event, so a repeated delivery starts nothing new), settled through the <see cref="SettlementQueue"/>
/// and its lanes rather than on a slot of its own, with the same rounds as every work item: "retry later" waits on a
/// durable timer and queues again, what fails after every retry is recorded as failed.
/// </summary>
public static class SettlementOrchestration
{
    /// <summary>The orchestrator body.</summary>
    public static async Task<WorkTally> RunAsync(TaskOrchestrationContext context, WorkInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await WorkRounds.RunAsync(context, input.Items, input.GateKey, input.Work, input.RunId, SettlementWaits.ThroughQueue(context, input.GateKey, input.Work));
    }
}

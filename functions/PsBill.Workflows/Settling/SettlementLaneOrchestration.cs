using Microsoft.DurableTask;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Settling;

/// <summary>
/// <see cref="FunctionNames.Orchestrators.SettlementLane"/>: settles a batch of waiting payments in one activity while it
/// holds its BillGate slot, sends each waiting settlement its result, and tells the <see cref="SettlementQueue"/> it is
/// done, which gives the slot the next batch in a new lane: a lane's instance id takes its slot once (a crash that repeats
/// an old release can then free nothing a later holder of the same id holds). A payment that throws in the batch (and the
/// whole batch, if its activity fails after every attempt) runs again one payment per activity, still on the lane's slot
/// (<see cref="BillLaneOrchestration.RunItemsAsync"/>), so one bad payment fails alone and the others settle.
/// </summary>
public static class SettlementLaneOrchestration
{
    /// <summary>The orchestrator body; returns how many payments the lane answered.</summary>
    public static async Task<int> RunAsync(TaskOrchestrationContext context, SettlementLaneInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var items = input.Batch.Select(b => b.Item).ToList();
            var results = await BillLaneOrchestration.RunItemsAsync(context, new LaneInput(input.GateKey, input.Slot, items, input.Batch[0].Work), perActivity: items.Count);
            for (var i = 0; i < input.Batch.Count; i++) context.SendEvent(input.Batch[i].InstanceId, input.Batch[i].Ticket, results[i]);
            return input.Batch.Count;
        }
        finally
        {
            await context.Entities.SignalEntityAsync(SettlementQueue.For(input.GateKey), nameof(SettlementQueue.Finish), context.InstanceId);
        }
    }
}

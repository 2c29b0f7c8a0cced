using Microsoft.DurableTask;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;
using PsBill.Workflows.Gate;

namespace PsBill.Workflows.Settling;

/// <summary>
/// <see cref="FunctionNames.Orchestrators.SettlementLane"/>: settles a batch of waiting payments in one activity while it
/// holds its BillGate slot, sends each waiting settlement its result, and tells the <see cref="SettlementQueue"/> it is
/// done, which gives the slot the next batch in a new lane: a lane's instance id takes its slot once (a crash that repeats
/// an old release can then free nothing a later holder of the same id holds). If the batch's activity fails after every
/// attempt, the lane runs the batch again one payment per activity (taking the slot once more), so one bad payment fails
/// alone and the others settle.
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
            var work = input.Batch[0].Work;
            var results = await SettleTogetherAsync(context, input, work, items)
                ?? await BillLaneOrchestration.RunItemsAsync(context, new LaneInput(input.GateKey, input.Slot, items, work));
            for (var i = 0; i < input.Batch.Count; i++) context.SendEvent(input.Batch[i].InstanceId, input.Batch[i].Ticket, results[i]);
            return input.Batch.Count;
        }
        finally
        {
            await context.Entities.SignalEntityAsync(SettlementQueue.For(input.GateKey), nameof(SettlementQueue.Finish), context.InstanceId);
        }
    }

    /// <summary>The batch in one activity on the lane's slot; null when that activity failed after every attempt.</summary>
    private static async Task<IReadOnlyList<WorkItemResult>?> SettleTogetherAsync(TaskOrchestrationContext context, SettlementLaneInput input, WorkSettings work, IReadOnlyList<WorkItem> items)
    {
        var retry = RetryOptions.For(work);
        var slot = BillGateSlots.Slot(input.GateKey, input.Slot);
        var asked = context.CurrentUtcDateTime;
        IReadOnlyList<WorkItemResult> results;
        await using (await context.Entities.LockEntitiesAsync(slot))
        {
            SlotWaitTelemetry.Record(context, asked, slot);
            try
            {
                results = await context.CallActivityAsync<IReadOnlyList<WorkItemResult>>(FunctionNames.Activities.RunWorkItems, items, retry);
            }
            catch (TaskFailedException)
            {
                return null;
            }
        }

        // Settlements create nothing in BILL, but a batch that did leaves its create results to be written off the slot.
        var unrecorded = results.SelectMany(r => r.Unrecorded ?? []).ToList();
        if (unrecorded.Count > 0) await context.CallActivityAsync(FunctionNames.Activities.RecordResults, unrecorded, retry);
        return results.Select(r => r with { Unrecorded = null }).ToList();
    }
}

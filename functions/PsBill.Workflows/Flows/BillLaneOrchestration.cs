using Microsoft.DurableTask;
using PsBill.Workflows.Gate;

namespace PsBill.Workflows.Flows;

/// <summary>
/// <see cref="FunctionNames.Orchestrators.BillLane"/>: runs its items one after another inside a critical section over one
/// BillGate slot, so each activity that calls BILL runs while its orchestration holds a slot. A lane takes its slot once
/// for several items: the slot's handoff (a lock round trip through the task hub) is paid per lane, not per call.
/// An activity that fails after every attempt becomes a failed result for its item; the lane goes on with the rest.
/// </summary>
public static class BillLaneOrchestration
{
    /// <summary>The orchestrator body.</summary>
    public static async Task<IReadOnlyList<WorkItemResult>> RunAsync(TaskOrchestrationContext context, LaneInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await RunItemsAsync(context, input);
    }

    /// <summary>
    /// The lane's work in the calling orchestration: takes the slot, runs the items one after another, gives the slot back.
    /// <see cref="WorkRounds"/> calls it directly when there is one lane (a webhook's payment, a small poll): a
    /// sub-orchestration would only add its own start and completion messages to every payment's settlement.
    /// </summary>
    public static async Task<IReadOnlyList<WorkItemResult>> RunItemsAsync(TaskOrchestrationContext context, LaneInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var results = new WorkItemResult[input.Items.Count];
        var retry = RetryOptions.For(input.Work);
        var slot = BillGateSlots.Slot(input.GateKey, input.Slot);
        var asked = context.CurrentUtcDateTime;
        var recording = new List<Task>();
        await using (await context.Entities.LockEntitiesAsync(slot))
        {
            SlotWaitTelemetry.Record(context, asked, slot);
            for (var i = 0; i < input.Items.Count; i++)
            {
                try
                {
                    results[i] = await context.CallActivityAsync<WorkItemResult>(FunctionNames.Activities.RunWorkItem, input.Items[i], retry);
                }
                catch (TaskFailedException ex)
                {
                    results[i] = WorkItemResult.Failed($"failed after {input.Work.ActivityAttempts} attempts: {RetryOptions.Describe(ex)}");
                }

                // The item's create results are written while the slot goes on with the next item's BILL call (RecordResults
                // makes no BILL call); the lane returns only once they are written, so no retry or checkpoint runs before.
                if (results[i].Unrecorded is { Count: > 0 } unrecorded)
                {
                    recording.Add(context.CallActivityAsync(FunctionNames.Activities.RecordResults, unrecorded, retry));
                    results[i] = results[i] with { Unrecorded = null };
                }
            }
        }
        await Task.WhenAll(recording);
        return results;
    }
}

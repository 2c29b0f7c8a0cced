using Microsoft.DurableTask;
using PsBill.Connector.Work;
using PsBill.Workflows.Gate;

namespace PsBill.Workflows.Flows;

/// <summary>
/// <see cref="FunctionNames.Orchestrators.BillLane"/>: runs its items inside a critical section over one BillGate slot, so
/// each activity that calls BILL runs while its orchestration holds a slot. A lane takes its slot once for all its items:
/// the slot's handoff (a lock round trip through the task hub) is paid per lane, not per call. The items go in batches of
/// <see cref="ItemsPerActivity"/>, each batch one <see cref="FunctionNames.Activities.RunWorkItems"/> activity that runs
/// a few items side by side with their BILL calls one at a time (the slot's one call in flight): while one item's bulk
/// call is in BILL, the next ones read their snapshots and write their intents, so the slot is not idle during our own
/// storage work. An item that throws in a batch runs again in an activity of its own, with the activity retry policy, so a
/// bad item fails alone; an item that fails after every attempt becomes a failed result and the lane goes on with the rest.
/// </summary>
public static class BillLaneOrchestration
{
    /// <summary>Items per activity on a poll's lane (a settlement lane passes its whole batch).</summary>
    public const int ItemsPerActivity = 8;

    /// <summary>The orchestrator body.</summary>
    public static async Task<IReadOnlyList<WorkItemResult>> RunAsync(TaskOrchestrationContext context, LaneInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await RunItemsAsync(context, input);
    }

    /// <summary>
    /// The lane's work in the calling orchestration: takes the slot, runs the items in batches of
    /// <paramref name="perActivity"/>, gives the slot back. <see cref="WorkRounds"/> calls it directly when there is one
    /// lane (a small poll, a replay), and a settlement lane for its batch: a sub-orchestration would only add its own start
    /// and completion messages.
    /// </summary>
    public static async Task<IReadOnlyList<WorkItemResult>> RunItemsAsync(TaskOrchestrationContext context, LaneInput input, int perActivity = ItemsPerActivity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(perActivity, 1);
        var results = new List<WorkItemResult>(input.Items.Count);
        var retry = RetryOptions.For(input.Work);
        var slot = BillGateSlots.Slot(input.GateKey, input.Slot);
        var asked = context.CurrentUtcDateTime;
        var recording = new List<Task>();
        await using (await context.Entities.LockEntitiesAsync(slot))
        {
            SlotWaitTelemetry.Record(context, asked, slot);
            foreach (var batch in input.Items.Chunk(perActivity))
            {
                var ran = batch.Length > 1
                    ? await RunTogetherAsync(context, batch, input.Work, retry)
                    : [await RunOnItsOwnAsync(context, batch[0], input.Work, retry)];

                // The create results the batch left (its last item's: RunWorkItemsActivity writes the others beside its later
                // calls) are written while the slot goes on with the next batch's BILL calls (RecordResults makes no BILL
                // call); the lane returns only once they are written, so no retry or checkpoint runs before.
                var unrecorded = ran.SelectMany(r => r.Unrecorded ?? []).ToList();
                if (unrecorded.Count > 0) recording.Add(context.CallActivityAsync(FunctionNames.Activities.RecordResults, unrecorded, retry));
                results.AddRange(ran.Select(r => r.Unrecorded is null ? r : r with { Unrecorded = null }));
            }
        }
        await Task.WhenAll(recording);
        return results;
    }

    /// <summary>
    /// The batch in one activity; the items it left unfinished (one threw, and those it did not start after that) run
    /// again one per activity, and so does the whole batch if the activity itself failed after every attempt.
    /// </summary>
    private static async Task<IReadOnlyList<WorkItemResult>> RunTogetherAsync(TaskOrchestrationContext context, IReadOnlyList<WorkItem> batch, WorkSettings work, TaskOptions retry)
    {
        IReadOnlyList<WorkItemResult?> ran;
        try
        {
            ran = await context.CallActivityAsync<IReadOnlyList<WorkItemResult?>>(FunctionNames.Activities.RunWorkItems, batch, retry);
        }
        catch (TaskFailedException)
        {
            ran = new WorkItemResult?[batch.Count];
        }

        var results = new List<WorkItemResult>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
            results.Add(i < ran.Count && ran[i] is { } result ? result : await RunOnItsOwnAsync(context, batch[i], work, retry));
        return results;
    }

    /// <summary>One item in an activity of its own; if it failed after every attempt, a failed result.</summary>
    private static async Task<WorkItemResult> RunOnItsOwnAsync(TaskOrchestrationContext context, WorkItem item, WorkSettings work, TaskOptions retry)
    {
        try
        {
            return await context.CallActivityAsync<WorkItemResult>(FunctionNames.Activities.RunWorkItem, item, retry);
        }
        catch (TaskFailedException ex)
        {
            return WorkItemResult.Failed($"failed after {work.ActivityAttempts} attempts: {RetryOptions.Describe(ex)}");
        }
    }
}

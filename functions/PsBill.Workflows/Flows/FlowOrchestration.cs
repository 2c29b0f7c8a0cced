using Microsoft.DurableTask;
using PsBill.Connector.Storage.Runs;
using PsBill.Workflows.Gate;

namespace PsBill.Workflows.Flows;

/// <summary>
/// The orchestration of a timer flow (<c>SyncReferenceDataFlow</c>, <c>PollSuppliersFlow</c>, <c>PollVouchersFlow</c>,
/// <c>PollPaymentsFlow</c>), run as a singleton (instance id = the flow's name). One page per execution: run the step in
/// an activity (reading PeopleSoft, or BILL inside a slot), fan its work items out over the BillGate and in again, save
/// the checkpoints only then, and <c>ContinueAsNew</c> for the next page so the history stays small. A poll reads its next
/// page while BILL works on this one, and hands it to the next execution. A crash anywhere re-runs from the last completed
/// step; the checkpoint never moves past work that is not done.
/// </summary>
public static class FlowOrchestration
{
    /// <summary>The orchestrator body.</summary>
    public static async Task<FlowSummary> RunAsync(TaskOrchestrationContext context, FlowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = RetryOptions.For(input.Work);
        var runId = input.RunId ?? await context.CallActivityAsync<string>(FunctionNames.Activities.StartRun, input.Flow, retry);
        var totals = input.Totals ?? RunCounts.None;
        context.SetCustomStatus(new FlowStatus(runId, input.Page, "reading"));

        var step = input.Ahead ?? await StepAsync(context, input, runId, totals, new FlowStepInput(input.Flow, runId, input.Page), retry);
        totals += new RunCounts(Seen: step.Seen, Parked: step.Parked);
        context.SetCustomStatus(new FlowStatus(runId, input.Page, $"sending {step.Items.Count} items"));

        // The next page is read while BILL works on this one (PeopleSoft and storage only, no slot); its checkpoint still
        // moves only after its own work, in the next execution.
        var next = step.More && ReadsPages(input.Flow) && step.Checkpoints.Count > 0
            ? ReadAheadAsync(context, new FlowStepInput(input.Flow, runId, input.Page + 1, step.Checkpoints), retry)
            : null;
        var tally = await WorkRounds.RunAsync(context, step.Items, input.GateKey, input.Work, runId);
        if (step.Checkpoints.Count > 0)
            await context.CallActivityAsync(FunctionNames.Activities.SaveCheckpoints, step.Checkpoints, retry);

        if (step.More)
        {
            var ahead = next is null ? null : await next;
            context.ContinueAsNew(input with { RunId = runId, Page = input.Page + 1, Totals = totals, Ahead = ahead });
            return new FlowSummary(runId, input.Page + 1, totals, tally.Failed);
        }

        var failed = tally.Failed;
        if (ReadsPages(input.Flow))
        {
            // What follows the last page (records parked for a vendor sent again, the withdrawn-voucher sweep), after its work.
            var finish = await StepAsync(context, input, runId, totals, new FlowStepInput(input.Flow, runId, input.Page, Finish: true), retry);
            failed += (await WorkRounds.RunAsync(context, finish.Items, input.GateKey, input.Work, runId)).Failed;
        }

        await context.CallActivityAsync(FunctionNames.Activities.CompleteRun, new CompleteRunInput(runId, totals), retry);
        if (input.TieOutAfter) await TieOutStep.RunAsync(context, input, runId);
        context.SetCustomStatus(new FlowStatus(runId, input.Page, "done"));
        return new FlowSummary(runId, input.Page + 1, totals, failed);
    }

    /// <summary>The poll flows, which read PeopleSoft page by page: they read a page ahead, and have a step after their last
    /// page's work (<c>FinishAsync</c> of the poll).</summary>
    public static bool ReadsPages(string flow) => flow is FunctionNames.PollSuppliers or FunctionNames.PollVouchers;

    /// <summary>Runs the flow's step; a step that failed after every attempt completes the run with why, and fails the flow.</summary>
    private static async Task<FlowStepResult> StepAsync(TaskOrchestrationContext context, FlowInput input, string runId, RunCounts totals, FlowStepInput stepInput, TaskOptions retry)
    {
        try
        {
            return CallsBill(input.Flow)
                ? await InSlotAsync(context, input, () => context.CallActivityAsync<FlowStepResult>(FunctionNames.Activities.RunFlowStep, stepInput, retry))
                : await context.CallActivityAsync<FlowStepResult>(FunctionNames.Activities.RunFlowStep, stepInput, retry);
        }
        catch (TaskFailedException ex)
        {
            // The step failed after every attempt: the run says why, the checkpoint stays, the next tick starts over.
            await context.CallActivityAsync(FunctionNames.Activities.CompleteRun, new CompleteRunInput(runId, totals, RetryOptions.Describe(ex)), retry);
            throw;
        }
    }

    /// <summary>Reads the next page ahead; null when that failed (the next execution reads it again, and reports a failure then).</summary>
    private static async Task<FlowStepResult?> ReadAheadAsync(TaskOrchestrationContext context, FlowStepInput stepInput, TaskOptions retry)
    {
        try
        {
            return await context.CallActivityAsync<FlowStepResult>(FunctionNames.Activities.RunFlowStep, stepInput, retry);
        }
        catch (TaskFailedException)
        {
            return null;
        }
    }

    /// <summary>The flows whose step itself calls BILL (and so runs inside a slot).</summary>
    public static bool CallsBill(string flow) => flow is FunctionNames.SyncReferenceData or FunctionNames.PollPayments;

    /// <summary>Runs <paramref name="call"/> (an activity that calls BILL) inside the critical section of one BillGate slot.</summary>
    internal static async Task<T> InSlotAsync<T>(TaskOrchestrationContext context, FlowInput input, Func<Task<T>> call)
    {
        var slot = BillGateSlots.Slot(input.GateKey, BillGateSlots.StartFor(context.InstanceId, input.Work.Slots));
        var asked = context.CurrentUtcDateTime;
        await using (await context.Entities.LockEntitiesAsync(slot))
        {
            SlotWaitTelemetry.Record(context, asked, slot);
            return await call();
        }
    }
}

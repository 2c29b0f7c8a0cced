using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace PsBill.Workflows.Flows;

/// <summary>
/// The tie-out at the end of a PollPayments run: BILL read on a BillGate slot (<see cref="FunctionNames.Activities.ReadBillForTieOut"/>,
/// which answers nothing when no tie-out is due), then PeopleSoft and the ledger read, and the report stored, without one
/// (<see cref="FunctionNames.Activities.TieOut"/>). Its run is completed before: a tie-out that fails is logged, stored as
/// failed for the alerts, and never fails the payment cycle.
/// </summary>
public static partial class TieOutStep
{
    /// <summary>Orchestrator code: deterministic, no I/O.</summary>
    public static async Task RunAsync(TaskOrchestrationContext context, FlowInput input, string runId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = RetryOptions.For(input.Work);
        context.SetCustomStatus(new FlowStatus(runId, input.Page, "tying out"));
        try
        {
            var billRead = await FlowOrchestration.InSlotAsync(context, input,
                () => context.CallActivityAsync<string?>(FunctionNames.Activities.ReadBillForTieOut, runId, retry));
            if (billRead is null) return;
            await context.CallActivityAsync(FunctionNames.Activities.TieOut, new TieOutInput(runId, billRead), retry);
        }
        catch (TaskFailedException ex)
        {
            LogFailed(context.CreateReplaySafeLogger(typeof(TieOutStep)), input.Flow, runId, RetryOptions.Describe(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Flow} run {RunId}: the tie-out failed after every attempt ({Error}); the payment cycle is done")]
    private static partial void LogFailed(ILogger logger, string flow, string runId, string error);
}

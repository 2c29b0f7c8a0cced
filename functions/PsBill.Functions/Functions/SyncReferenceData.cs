using PsBill.Connector.Work.Steps;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Functions;

/// <summary>Timer: matches PeopleSoft GL accounts and departments to BILL and records the mappings, inside a recorded run.</summary>
[TimerTrigger(nameof(ScheduleOptions.SyncReferenceData))]
public sealed class SyncReferenceData(ScheduledRun run, IReferenceDataSync? step = null) : ITimerFunction
{
    /// <inheritdoc />
    public Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken) =>
        run.RecordAsync(nameof(SyncReferenceData), timer,
            (runContext, token) => ScheduledRun.Require(step, nameof(SyncReferenceData)).SyncAsync(runContext, token),
            cancellationToken);
}

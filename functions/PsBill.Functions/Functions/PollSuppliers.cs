using PsBill.Connector.Work.Steps;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Functions;

/// <summary>Timer: reads suppliers changed since the checkpoint and enqueues one work item each (batched), inside a recorded run.</summary>
[TimerTrigger(nameof(ScheduleOptions.PollSuppliers))]
public sealed class PollSuppliers(ScheduledRun run, ISupplierPoll? step = null) : ITimerFunction
{
    /// <inheritdoc />
    public Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken) =>
        run.RecordAsync(nameof(PollSuppliers), timer,
            (runContext, token) => ScheduledRun.Require(step, nameof(PollSuppliers)).PollAsync(runContext, token),
            cancellationToken);
}

using PsBill.Connector.Work.Steps;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Functions;

/// <summary>Timer: reads BILL payments changed since the checkpoint (the safety net for lost webhooks) and enqueues settlement items, inside a recorded run.</summary>
[TimerTrigger(nameof(ScheduleOptions.PollPayments))]
public sealed class PollPayments(ScheduledRun run, IPaymentPoll? step = null) : ITimerFunction
{
    /// <inheritdoc />
    public Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken) =>
        run.RecordAsync(nameof(PollPayments), timer,
            (runContext, token) => ScheduledRun.Require(step, nameof(PollPayments)).PollAsync(runContext, token),
            cancellationToken);
}

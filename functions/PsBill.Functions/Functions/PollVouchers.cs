using PsBill.Connector.Work.Steps;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Functions;

/// <summary>Timer: reads vouchers approved since the checkpoint and enqueues one work item each (batched), inside a recorded run.</summary>
[TimerTrigger(nameof(ScheduleOptions.PollVouchers))]
public sealed class PollVouchers(ScheduledRun run, IVoucherPoll? step = null) : ITimerFunction
{
    /// <inheritdoc />
    public Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken) =>
        run.RecordAsync(nameof(PollVouchers), timer,
            (runContext, token) => ScheduledRun.Require(step, nameof(PollVouchers)).PollAsync(runContext, token),
            cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.FunctionApp.Functions.Timers;

/// <summary>Timer (schedule: app setting <c>PsBill__Schedules__PollPayments</c>): starts the flow's singleton orchestration.</summary>
public sealed class PollPayments(FlowStarter starter)
{
    /// <summary>One tick; a tick that finds the flow running does nothing (and logs so).</summary>
    [Function(FunctionNames.PollPayments)]
    public Task Run([TimerTrigger("%PsBill:Schedules:PollPayments%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        starter.StartAsync(client, FunctionNames.PollPayments, cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.FunctionApp.Functions.Timers;

/// <summary>Timer (schedule: app setting <c>PsBill__Schedules__PollSuppliers</c>): starts the flow's singleton orchestration.</summary>
public sealed class PollSuppliers(FlowStarter starter)
{
    /// <summary>One tick; a tick that finds the flow running does nothing (and logs so).</summary>
    [Function(FunctionNames.PollSuppliers)]
    public Task Run([TimerTrigger("%PsBill:Schedules:PollSuppliers%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        starter.StartAsync(client, FunctionNames.PollSuppliers, cancellationToken);
}

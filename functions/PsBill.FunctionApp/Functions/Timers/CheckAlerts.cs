using Microsoft.Azure.Functions.Worker;
using PsBill.Connector.Alerts;
using PsBill.Workflows;

namespace PsBill.FunctionApp.Functions.Timers;

/// <summary>Timer (schedule: app setting <c>PsBill__Schedules__CheckAlerts</c>): sends the alerts that are due (<see cref="AlertMonitor"/>).</summary>
public sealed class CheckAlerts(AlertMonitor monitor)
{
    /// <summary>One tick; each cause goes out at most once per <c>PsBill:Alerts:Interval</c>.</summary>
    [Function(FunctionNames.CheckAlerts)]
    public async Task Run([TimerTrigger("%PsBill:Schedules:CheckAlerts%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await monitor.CheckAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
}

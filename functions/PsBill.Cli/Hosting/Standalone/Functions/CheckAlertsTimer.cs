using Microsoft.Azure.WebJobs;
using PsBill.Connector.Alerts;
using PsBill.Workflows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Timer <see cref="FunctionNames.CheckAlerts"/> (schedule <c>PsBill:Schedules:CheckAlerts</c>): <see cref="AlertMonitor"/>.</summary>
public sealed class CheckAlertsTimer(AlertMonitor monitor)
{
    /// <summary>One tick.</summary>
    [FunctionName(FunctionNames.CheckAlerts)]
    public async Task RunAsync([TimerTrigger("%PsBill:Schedules:CheckAlerts%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await monitor.CheckAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
}

using Microsoft.Azure.WebJobs;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Timer <see cref="FunctionNames.PollVouchers"/> (schedule <c>PsBill:Schedules:PollVouchers</c>): starts the flow's singleton.</summary>
public sealed class PollVouchersTimer(FlowStarter starter, StandaloneDurableClient client)
{
    /// <summary>One tick.</summary>
    [FunctionName(FunctionNames.PollVouchers)]
    public async Task RunAsync([TimerTrigger("%PsBill:Schedules:PollVouchers%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await starter.StartAsync(await client.GetAsync(cancellationToken).ConfigureAwait(false), FunctionNames.PollVouchers, cancellationToken).ConfigureAwait(false);
}

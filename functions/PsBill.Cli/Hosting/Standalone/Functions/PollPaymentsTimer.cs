using Microsoft.Azure.WebJobs;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Timer <see cref="FunctionNames.PollPayments"/> (schedule <c>PsBill:Schedules:PollPayments</c>): starts the flow's singleton.</summary>
public sealed class PollPaymentsTimer(FlowStarter starter, StandaloneDurableClient client)
{
    /// <summary>One tick.</summary>
    [FunctionName(FunctionNames.PollPayments)]
    public async Task RunAsync([TimerTrigger("%PsBill:Schedules:PollPayments%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await starter.StartAsync(await client.GetAsync(cancellationToken).ConfigureAwait(false), FunctionNames.PollPayments, cancellationToken).ConfigureAwait(false);
}

using Microsoft.Azure.WebJobs;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Timer <see cref="FunctionNames.PollSuppliers"/> (schedule <c>PsBill:Schedules:PollSuppliers</c>): starts the flow's singleton.</summary>
public sealed class PollSuppliersTimer(FlowStarter starter, StandaloneDurableClient client)
{
    /// <summary>One tick.</summary>
    [FunctionName(FunctionNames.PollSuppliers)]
    public async Task RunAsync([TimerTrigger("%PsBill:Schedules:PollSuppliers%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await starter.StartAsync(await client.GetAsync(cancellationToken).ConfigureAwait(false), FunctionNames.PollSuppliers, cancellationToken).ConfigureAwait(false);
}

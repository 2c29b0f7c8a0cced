using Microsoft.Azure.WebJobs;
using PsBill.Workflows;
using PsBill.Workflows.Starting;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Timer <see cref="FunctionNames.SyncReferenceData"/> (schedule <c>PsBill:Schedules:SyncReferenceData</c>): starts the flow's singleton.</summary>
public sealed class SyncReferenceDataTimer(FlowStarter starter, StandaloneDurableClient client)
{
    /// <summary>One tick.</summary>
    [FunctionName(FunctionNames.SyncReferenceData)]
    public async Task RunAsync([TimerTrigger("%PsBill:Schedules:SyncReferenceData%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await starter.StartAsync(await client.GetAsync(cancellationToken).ConfigureAwait(false), FunctionNames.SyncReferenceData, cancellationToken).ConfigureAwait(false);
}

using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Orchestrator <see cref="FunctionNames.Orchestrators.Replay"/>: <see cref="WorkOrchestration"/> through the Durable SDK's runner.</summary>
public sealed class ReplayOrchestrator(IServiceProvider services, ExtendedSessionsCache sessions)
{
    /// <summary>One episode of the orchestration.</summary>
    [FunctionName(FunctionNames.Orchestrators.Replay)]
    public string Run([OrchestrationTrigger] string request) =>
        GrpcOrchestrationRunner.LoadAndRun(request, FuncTaskOrchestrator.Create<WorkInput, WorkTally>(async (context, input) => await WorkOrchestration.RunAsync(context, input!)), sessions, services);
}

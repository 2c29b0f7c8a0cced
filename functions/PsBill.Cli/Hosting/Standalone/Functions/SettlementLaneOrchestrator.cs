using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using PsBill.Workflows;
using PsBill.Workflows.Settling;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Orchestrator <see cref="FunctionNames.Orchestrators.SettlementLane"/>: <see cref="SettlementLaneOrchestration"/> through the Durable SDK's runner.</summary>
public sealed class SettlementLaneOrchestrator(IServiceProvider services, ExtendedSessionsCache sessions)
{
    /// <summary>One episode of the orchestration.</summary>
    [FunctionName(FunctionNames.Orchestrators.SettlementLane)]
    public string Run([OrchestrationTrigger] string request) =>
        GrpcOrchestrationRunner.LoadAndRun(request, FuncTaskOrchestrator.Create<SettlementLaneInput, int>(async (context, input) => await SettlementLaneOrchestration.RunAsync(context, input!)), sessions, services);
}

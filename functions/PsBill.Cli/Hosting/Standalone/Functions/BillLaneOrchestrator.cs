using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Orchestrator <see cref="FunctionNames.Orchestrators.BillLane"/>: <see cref="BillLaneOrchestration"/> through the Durable SDK's runner.</summary>
public sealed class BillLaneOrchestrator(IServiceProvider services, ExtendedSessionsCache sessions)
{
    /// <summary>One episode of the orchestration.</summary>
    [FunctionName(FunctionNames.Orchestrators.BillLane)]
    public string Run([OrchestrationTrigger] string request) =>
        GrpcOrchestrationRunner.LoadAndRun(request, FuncTaskOrchestrator.Create<LaneInput, IReadOnlyList<WorkItemResult>>(async (context, input) => await BillLaneOrchestration.RunAsync(context, input!)), sessions, services);
}

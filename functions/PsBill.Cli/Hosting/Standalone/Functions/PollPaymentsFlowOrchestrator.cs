using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using PsBill.Workflows;
using PsBill.Workflows.Flows;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Orchestrator <see cref="FunctionNames.Orchestrators.PollPaymentsFlow"/>: <see cref="FlowOrchestration"/> through the Durable SDK's runner.</summary>
public sealed class PollPaymentsFlowOrchestrator(IServiceProvider services, ExtendedSessionsCache sessions)
{
    /// <summary>One episode of the orchestration (the request and answer are the isolated protocol's, base64 protobuf).</summary>
    [FunctionName(FunctionNames.Orchestrators.PollPaymentsFlow)]
    public string Run([OrchestrationTrigger] string request) =>
        GrpcOrchestrationRunner.LoadAndRun(request, FuncTaskOrchestrator.Create<FlowInput, FlowSummary>(async (context, input) => await FlowOrchestration.RunAsync(context, input!)), sessions, services);
}

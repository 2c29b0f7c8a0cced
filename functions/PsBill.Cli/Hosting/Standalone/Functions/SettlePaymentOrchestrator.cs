using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using PsBill.Workflows;
using PsBill.Workflows.Flows;
using PsBill.Workflows.Settling;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Orchestrator <see cref="FunctionNames.Orchestrators.SettlePayment"/>: <see cref="SettlementOrchestration"/> through the Durable SDK's runner.</summary>
public sealed class SettlePaymentOrchestrator(IServiceProvider services, ExtendedSessionsCache sessions)
{
    /// <summary>One episode of the orchestration.</summary>
    [FunctionName(FunctionNames.Orchestrators.SettlePayment)]
    public string Run([OrchestrationTrigger] string request) =>
        GrpcOrchestrationRunner.LoadAndRun(request, FuncTaskOrchestrator.Create<WorkInput, WorkTally>(async (context, input) => await SettlementOrchestration.RunAsync(context, input!)), sessions, services);
}

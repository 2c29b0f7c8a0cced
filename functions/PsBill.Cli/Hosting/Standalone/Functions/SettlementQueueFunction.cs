using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using PsBill.Workflows;
using PsBill.Workflows.Settling;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>Entity <see cref="FunctionNames.Entities.SettlementQueue"/>: <see cref="SettlementQueue"/> through the Durable SDK's runner.</summary>
public sealed class SettlementQueueFunction(IServiceProvider services, ExtendedSessionsCache sessions, TimeProvider time)
{
    /// <summary>One batch of operations (the isolated protocol's request and answer).</summary>
    [FunctionName(FunctionNames.Entities.SettlementQueue)]
    public Task<string> RunAsync([EntityTrigger] string request) => GrpcEntityRunner.LoadAndRunAsync(request, new SettlementQueue(time), sessions, services);
}

using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;

namespace PsBill.Cli.Hosting.Standalone.Functions;

/// <summary>
/// Not a function of the app: the host calls it once (<see cref="StandaloneDurableClient"/>) to have the Durable extension
/// bind a client, whose JSON names the extension's local gRPC endpoint, the way the Functions host hands a client to the
/// isolated worker. It has no trigger, so nothing else ever runs it.
/// </summary>
public sealed class DurableClientFunction(StandaloneDurableClient client)
{
    /// <summary>The function's name, for <c>IJobHost.CallAsync</c>.</summary>
    public const string Name = "PsBillDurableClient";

    /// <summary>Receives the bound client.</summary>
    [NoAutomaticTrigger, FunctionName(Name)]
    public void Run([DurableClient] string binding) => client.Accept(binding);
}

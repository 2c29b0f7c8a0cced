using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Http;

namespace PsBill.FunctionApp.Functions.Http;

/// <summary><c>GET /api/health</c>: per-flow lag (<see cref="HealthEndpoint"/>). Anonymous, for an Azure Monitor availability test.</summary>
public sealed class Health(HealthEndpoint endpoint)
{
    /// <summary>The HTTP function.</summary>
    [Function(FunctionNames.Health)]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        endpoint.HandleAsync(cancellationToken);
}

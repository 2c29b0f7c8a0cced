using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PsBill.Workflows;
using PsBill.Workflows.Http.Ops;

namespace PsBill.FunctionApp.Functions.Http;

/// <summary><c>/api/ops/...</c>: the operator's page and API (<see cref="OpsEndpoint"/>), behind a Functions key.</summary>
public sealed class Ops(OpsEndpoint endpoint)
{
    /// <summary>The HTTP function.</summary>
    [Function(FunctionNames.Ops)]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = "ops/{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        endpoint.HandleAsync(request, client, cancellationToken);
}

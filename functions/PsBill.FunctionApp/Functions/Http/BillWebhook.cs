using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PsBill.Workflows;
using PsBill.Workflows.Http;

namespace PsBill.FunctionApp.Functions.Http;

/// <summary>
/// <c>POST /api/bill/webhook</c>: BILL's payment webhook (<see cref="BillWebhookEndpoint"/>). Anonymous at the host because
/// BILL sends no function key: the endpoint verifies <c>x-bill-sha-signature</c> over the raw body instead.
/// </summary>
public sealed class BillWebhook(BillWebhookEndpoint endpoint)
{
    /// <summary>The HTTP function.</summary>
    [Function(FunctionNames.BillWebhook)]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bill/webhook")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        endpoint.HandleAsync(request, client, cancellationToken);
}

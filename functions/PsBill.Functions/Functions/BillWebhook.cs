using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Work.Steps;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Functions;

/// <summary>HTTP <c>POST /api/bill/webhook</c>: hands BILL's call, raw body and headers as received, to the webhook
/// receiver (verify signature, dedup, enqueue a settlement item) and answers with its status.</summary>
[HttpTrigger("bill/webhook", "post", AuthLevel = FunctionAuthLevel.Anonymous)]
public sealed partial class BillWebhook(ILogger<BillWebhook> logger, IBillWebhookReceiver? receiver = null) : IHttpFunction
{
    /// <inheritdoc />
    public async Task<IResult> HandleAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        if (receiver is null)
        {
            // BILL retries a webhook that is not answered 2xx; PollPayments is the safety net meanwhile.
            LogNotConfigured(logger);
            return Results.Text(new StepNotConfiguredException(nameof(BillWebhook), typeof(IBillWebhookReceiver)).Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        var response = await receiver.ReceiveAsync(new WebhookRequest(body.ToArray(), headers), cancellationToken).ConfigureAwait(false);
        return Results.Text(response.Body ?? "", "text/plain", statusCode: response.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "BillWebhook is not configured: no IBillWebhookReceiver is registered; answering 503")]
    private static partial void LogNotConfigured(ILogger logger);
}

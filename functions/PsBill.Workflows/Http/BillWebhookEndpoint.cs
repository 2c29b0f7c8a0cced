using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Settlement;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows.Http;

/// <summary>
/// <c>POST /api/bill/webhook</c>, the same in both hosts: refuses a body over <see cref="SettlementOptions.MaxWebhookBodyBytes"/>
/// before reading it (by Content-Length, and by counting while reading when there is none), then hands the raw bytes to
/// the receiver (verify <c>x-bill-sha-signature</c>, dedup, start the settlement orchestration) and answers fast.
/// </summary>
public sealed partial class BillWebhookEndpoint(IServiceProvider services, WorkStarter starter, IOptions<SettlementOptions> options, ILogger<BillWebhookEndpoint> logger)
{
    /// <summary>Handles one call.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var receiver = services.GetService<IBillWebhookReceiver>();
        if (receiver is null)
        {
            // BILL retries a webhook that is not answered 2xx; PollPayments is the safety net meanwhile.
            LogNotConfigured(logger);
            return Results.Text(new StepNotConfiguredException(FunctionNames.BillWebhook, typeof(IBillWebhookReceiver)).Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var max = options.Value.MaxWebhookBodyBytes;
        if (request.ContentLength is { } declared && declared > max)
            return TooLarge(declared, max);
        var body = await ReadAtMostAsync(request.Body, max, cancellationToken).ConfigureAwait(false);
        if (body is null) return TooLarge(null, max);

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using (AmbientWorkSink.Use(new SettlementStartingSink(client, starter)))
        {
            var response = await receiver.ReceiveAsync(new WebhookRequest(body, headers), cancellationToken).ConfigureAwait(false);
            return Results.Text(response.Body ?? "", "text/plain", statusCode: response.StatusCode);
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > max) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private IResult TooLarge(long? declared, int max)
    {
        LogTooLarge(logger, declared, max);
        return Results.Text("payload too large", "text/plain", statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "BillWebhook is not configured: no IBillWebhookReceiver is registered; answering 503")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BillWebhook refused a body over {Max} bytes (declared {Declared}) without reading it")]
    private static partial void LogTooLarge(ILogger logger, long? declared, int max);
}

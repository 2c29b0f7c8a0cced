using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Settlement;

/// <summary>Settlement's log lines: each carries the record key (or event id), never a secret.</summary>
internal static partial class SettlementLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} ({EventType}) for payment {PaymentId}: {Outcome}")]
    public static partial void WebhookHandled(ILogger logger, string eventId, string eventType, string? paymentId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement {Key}: {Step} {Outcome} ({Detail})")]
    public static partial void Step(ILogger logger, string key, string step, string outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{StepCount} audit steps of payment {PaymentId} were not written after a failed attempt: {Reason}")]
    public static partial void AuditNotWritten(ILogger logger, int stepCount, string paymentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} has singleStatus {SingleStatus}, which PsBill does not know; treated as not final")]
    public static partial void UnknownStatus(ILogger logger, string paymentId, string? singleStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settlement {Key} parked: {Reason}")]
    public static partial void Parked(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "PollPayments run {RunId}: {Seen} payments changed since {Since}, {Enqueued} to settle")]
    public static partial void Polled(ILogger logger, string runId, int seen, DateTimeOffset since, int enqueued);

}

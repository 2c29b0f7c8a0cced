using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Functions;

/// <summary>
/// Queue: runs one work item (one key, or a batch through one bulk call) with the handler of its kind, then settles
/// the message explicitly: done or parked = finished; retry later = a delayed copy goes back on the queue; failed or
/// unreadable = the poison queue with the reason. Only the unexpected throws, and the host retries that.
/// </summary>
[QueueTrigger]
public sealed partial class ProcessWork(
    WorkDispatcher dispatcher, WorkQueue queue, AuditTrail audit, RunStore runs,
    IOptions<WorkOptions> options, ILogger<ProcessWork> logger) : IQueueFunction
{
    /// <inheritdoc />
    public async Task RunAsync(QueueTriggerMessage message, FunctionContext context, CancellationToken cancellationToken)
    {
        WorkItem item;
        try
        {
            item = WorkItem.Parse(message.Text);
        }
        catch (WorkItemFormatException ex)
        {
            LogUnreadable(logger, message.Id, ex.Problem);
            await queue.SendToPoisonAsync(message.Text, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await dispatcher.DispatchAsync(item, new WorkContext(message.Id, message.DequeueCount, context.InvocationId), cancellationToken).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case WorkOutcomeKind.Done:
                LogDone(logger, item.Kind.Value, item.Id, item.Keys.Count);
                break;
            case WorkOutcomeKind.Parked:
                LogParked(logger, item.Kind.Value, item.Id, outcome.Reason);
                break;
            case WorkOutcomeKind.RetryLater when item.Attempt < options.Value.MaxRetries:
                await RetryLaterAsync(item, outcome, cancellationToken).ConfigureAwait(false);
                break;
            case WorkOutcomeKind.RetryLater:
                await FailAsync(item, $"gave up after {item.Attempt} retries; last reason: {outcome.Reason}", cancellationToken).ConfigureAwait(false);
                break;
            case WorkOutcomeKind.Failed:
                await FailAsync(item, outcome.Reason!, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown work outcome {outcome.Kind}.");
        }
    }

    private async Task RetryLaterAsync(WorkItem item, WorkOutcome outcome, CancellationToken cancellationToken)
    {
        var again = await queue.RequeueAsync(item, outcome.RetryAfter, outcome.RetryKeys, cancellationToken).ConfigureAwait(false);
        foreach (var key in again.Keys)
            await audit.AppendAsync(key, "work.retry", "retry", $"retry {again.Attempt} in {outcome.RetryAfter}: {outcome.Reason}", item.RunId, cancellationToken).ConfigureAwait(false);
        LogRetry(logger, item.Kind.Value, item.Id, again.Attempt, outcome.RetryAfter, outcome.Reason);
    }

    private async Task FailAsync(WorkItem item, string reason, CancellationToken cancellationToken)
    {
        await queue.SendToPoisonAsync(item.ToJson(), reason, cancellationToken).ConfigureAwait(false);
        foreach (var key in item.Keys)
            await audit.AppendAsync(key, "work.failed", "failed", $"moved to the poison queue: {reason}", item.RunId, cancellationToken).ConfigureAwait(false);
        if (item.RunId is not null)
            await runs.AddCountsAsync(item.RunId, new RunCounts(Failed: item.Keys.Count), cancellationToken).ConfigureAwait(false);
        LogFailed(logger, item.Kind.Value, item.Id, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Work item {Kind} {ItemId} done ({KeyCount} keys)")]
    private static partial void LogDone(ILogger logger, string kind, string itemId, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Kind} {ItemId} parked: {Reason}")]
    private static partial void LogParked(ILogger logger, string kind, string itemId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Kind} {ItemId} retry {Attempt} in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string kind, string itemId, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work item {Kind} {ItemId} moved to the poison queue: {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, string itemId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} is not a work item ({Problem}); moved to the poison queue")]
    private static partial void LogUnreadable(ILogger logger, string messageId, string problem);
}

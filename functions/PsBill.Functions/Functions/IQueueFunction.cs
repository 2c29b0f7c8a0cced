namespace PsBill.Functions.Functions;

/// <summary>
/// A function on the work queue. Returning settles the message (the host deletes it); throwing fails the delivery,
/// and the host delivers it again until the max dequeue count, then moves it to the poison queue.
/// </summary>
public interface IQueueFunction
{
    /// <summary>Processes one message.</summary>
    Task RunAsync(QueueTriggerMessage message, FunctionContext context, CancellationToken cancellationToken);
}

namespace PsBill.Connector.Work;

/// <summary>How a work item was delivered.</summary>
/// <param name="MessageId">The queue message id (for logs).</param>
/// <param name="DequeueCount">How many times the queue has delivered this message (1 on first delivery).</param>
/// <param name="InvocationId">The host's invocation id (for logs).</param>
public sealed record WorkContext(string MessageId, long DequeueCount, string InvocationId);

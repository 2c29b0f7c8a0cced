namespace PsBill.Functions.Functions;

/// <summary>A queue message as both hosts deliver it: the decoded text and the queue's metadata.</summary>
/// <param name="Text">The message text (base64 already decoded).</param>
/// <param name="Id">The message id.</param>
/// <param name="DequeueCount">How many times it has been delivered, this time included.</param>
/// <param name="InsertionTime">When it was enqueued, when known.</param>
public sealed record QueueTriggerMessage(string Text, string Id, long DequeueCount, DateTimeOffset? InsertionTime = null);

using System.Text.Json;

namespace PsBill.Connector.Work;

/// <summary>
/// A message in the poison queue. PsBill writes <c>{"reason":"...","failedAt":"...","message":"&lt;original text&gt;"}</c>;
/// the Functions host moves the original text as it is after the max dequeue count. Both read back as this record.
/// </summary>
/// <param name="Reason">Why the message could not be processed.</param>
/// <param name="FailedAt">When it was poisoned (null when the Functions host moved it).</param>
/// <param name="Message">The original message text (a work item's JSON, or whatever was on the queue).</param>
public sealed record PoisonMessage(string Reason, DateTimeOffset? FailedAt, string Message)
{
    /// <summary>The reason given to messages that the host moved after too many failed deliveries.</summary>
    public const string DequeueLimitReason = "failed on every delivery up to the max dequeue count";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The message text of the envelope.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a poison queue message (an envelope, or a raw message moved by the host).</summary>
    public static PoisonMessage Parse(string text)
    {
        try
        {
            if (JsonSerializer.Deserialize<PoisonMessage>(text, Json) is { Reason: not null, Message: not null } envelope) return envelope;
        }
        catch (JsonException)
        {
            // Not an envelope: the host's raw copy.
        }
        return new PoisonMessage(DequeueLimitReason, null, text);
    }

    /// <summary>The work item inside, or null when the original text is not one.</summary>
    public WorkItem? TryGetItem()
    {
        try
        {
            return WorkItem.Parse(Message);
        }
        catch (WorkItemFormatException)
        {
            return null;
        }
    }
}

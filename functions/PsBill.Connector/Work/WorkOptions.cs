using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Work;

/// <summary>
/// How work items are delivered and retried, bound from <c>PsBill:Work</c>. The standalone host applies these
/// itself; under the Functions host the same values are in <c>host.json</c> (<c>extensions.queues</c>), generated
/// from the defaults here.
/// </summary>
public sealed class WorkOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Work";

    /// <summary>Deliveries of one message before it goes to the poison queue (<c>PsBill__Work__MaxDequeueCount</c>; default 5, the Functions default).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays hidden from other workers; renewed at half-time while the item runs
    /// (<c>PsBill__Work__VisibilityTimeout</c>; default 30 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After an attempt throws, how long until the message is delivered again (<c>PsBill__Work__RetryDelay</c>; default 10 seconds;
    /// <c>visibilityTimeout</c> in host.json).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages one process runs at once (<c>PsBill__Work__BatchSize</c>; default 16, the Functions default).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Longest wait between polls of an empty queue (<c>PsBill__Work__MaxPollingInterval</c>; default 10 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an item may be put back with "retry later" before it goes to the poison queue
    /// (<c>PsBill__Work__MaxRetries</c>; default 48: two days of hourly rate-limit waits).</summary>
    [Range(0, 1000)]
    public int MaxRetries { get; set; } = 48;
}

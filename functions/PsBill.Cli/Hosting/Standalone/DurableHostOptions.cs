using System.ComponentModel.DataAnnotations;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// The Durable engine of <c>psbill run</c>, bound from <c>PsBill:Durable</c>: the task hub and the Azure Storage provider's
/// timings, the same settings host.json's <c>extensions.durableTask</c> gives the Functions host in Azure.
/// </summary>
public sealed class DurableHostOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Durable";

    /// <summary>The task hub (<c>PsBill__TaskHub</c>, shared with the worker app's host.json; default <c>PsBill</c>): its
    /// tables, queues and lease container in the storage account. Letters and digits, 3 to 45, starting with a letter.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string TaskHub { get; set; } = "PsBill";

    /// <summary>Control queue partitions (<c>PsBill__Durable__PartitionCount</c>; default 4).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>How long a dequeued orchestration message stays hidden; after a crash, work resumes after this
    /// (<c>PsBill__Durable__ControlQueueVisibilityTimeout</c>; default 5 minutes; the provider allows 1 to 60).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The same for activity messages (<c>PsBill__Durable__WorkItemQueueVisibilityTimeout</c>; default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between polls of idle queues (<c>PsBill__Durable__MaxQueuePollingInterval</c>; default 30 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Activities this process runs at once (<c>PsBill__Durable__MaxConcurrentActivities</c>; default 10).</summary>
    [Range(1, 100)]
    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>Orchestrations this process runs at once (<c>PsBill__Durable__MaxConcurrentOrchestrations</c>; default 10).</summary>
    [Range(1, 100)]
    public int MaxConcurrentOrchestrations { get; set; } = 10;

    /// <summary>
    /// Keep a running orchestration or entity in memory between its episodes (<c>PsBill__Durable__ExtendedSessions</c>;
    /// default true; host.json's <c>extendedSessionsEnabled</c> in Azure). Without it every episode reads the instance's
    /// whole history from the task hub's table again; with it only a new session, a restart or an eviction does. A crash
    /// loses only the cache: the next episode reads the history as before.
    /// </summary>
    public bool ExtendedSessions { get; set; } = true;

    /// <summary>How long an idle session stays in memory (<c>PsBill__Durable__ExtendedSessionIdleTimeout</c>; default 30 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Work;

/// <summary>
/// How the flows retry work, bound from <c>PsBill:Work</c>. A flow reads these once when it starts (they travel in its
/// input, so a replayed orchestration decides as it did the first time).
/// </summary>
public sealed class WorkOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Work";

    /// <summary>How often an item may come back with "retry later" (rate limits, unknown outcomes, a record another attempt
    /// is sending) before it is recorded as failed (<c>PsBill__Work__MaxRetries</c>; default 48).</summary>
    [Range(0, 1000)]
    public int MaxRetries { get; set; } = 48;

    /// <summary>Attempts of an activity that throws (storage down, a bug) before its keys are recorded as failed
    /// (<c>PsBill__Work__ActivityAttempts</c>; default 8). A crash of the host is not an attempt: Durable runs the activity again.</summary>
    [Range(1, 100)]
    public int ActivityAttempts { get; set; } = 8;

    /// <summary>The first wait after an activity threw; it doubles up to <see cref="ActivityMaxRetryDelay"/>
    /// (<c>PsBill__Work__ActivityFirstRetryDelay</c>; default 2 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ActivityFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts of an activity (<c>PsBill__Work__ActivityMaxRetryDelay</c>; default 1 minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ActivityMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}

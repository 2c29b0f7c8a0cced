using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>Retry, timeout and concurrency for calls to PeopleSoft (see <see cref="PeopleSoftPipelines"/>).</summary>
public sealed class PeopleSoftResilienceOptions
{
    /// <summary>Calls in flight to PeopleSoft at once, per connector instance. Default 2: the app server is shared with the customer's users.</summary>
    [Range(1, 16)]
    public int MaxConcurrentCalls { get; set; } = 2;

    /// <summary>Retries after the first attempt on 500/502/503/504, timeouts and connection failures. Default 4.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>One attempt's timeout. Default 60 seconds (QAS queries over large tables are slow).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The whole call including retries and waiting for a free slot. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

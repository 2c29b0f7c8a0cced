using Polly;
using Polly.Retry;

namespace PsBill.Connector.Storage;

/// <summary>The resilience pipelines of the storage layer, declared in one place.</summary>
public static class StoragePipelines
{
    /// <summary>
    /// Re-runs a read-modify-write when another worker won the ETag race (counters shared by many workers, such as a
    /// run's totals). The callback must re-read the row each time. Ten quick jittered tries: contention is brief.
    /// </summary>
    public static ResiliencePipeline ConcurrencyRetry(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ConcurrencyConflictException>(),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromMilliseconds(20),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(1),
            UseJitter = true,
        })
        .Build();
}

using System.Net.Http;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Every resilience rule for PeopleSoft, in one place. Both pipelines are, outside in: total timeout, retry with
/// exponential backoff and jitter, the shared concurrency cap, attempt timeout. The cap sits inside the retry so
/// that a call waiting out its backoff does not hold a slot another call could use.
/// </summary>
public static class PeopleSoftPipelines
{
    /// <summary>Reads (QAS queries, CI Get/Find): retried on 500/502/503/504, timeouts and connection failures.</summary>
    public const string Read = "psbill-peoplesoft-read";

    /// <summary>
    /// Writes (CI Create/UpdateData): retried only where PeopleSoft surely did not act: 503 (the gateway or load
    /// balancer turned the request away), a refused connection, no free slot. A timeout, 500, 502 or 504 after the
    /// request left may have posted the payment, so it is not repeated: it becomes <see cref="PeopleSoftErrorKind.OutcomeUnknown"/>.
    /// </summary>
    public const string Write = "psbill-peoplesoft-write";

    internal static void ConfigureRead(ResiliencePipelineBuilder builder, PeopleSoftResilienceOptions options, RateLimiter concurrencyCap, ILogger logger) =>
        Configure(builder, options, concurrencyCap, logger, IsTransientRead);

    internal static void ConfigureWrite(ResiliencePipelineBuilder builder, PeopleSoftResilienceOptions options, RateLimiter concurrencyCap, ILogger logger) =>
        Configure(builder, options, concurrencyCap, logger, IsSafeToRepeatWrite);

    /// <summary>True for a failure of a read that a later attempt may not have: among them an answer whose body broke off
    /// mid-transfer (an <see cref="IOException"/> from the content stream: query answers are parsed as they arrive, not
    /// buffered first).</summary>
    internal static bool IsTransientRead(Exception exception) => exception switch
    {
        PeopleSoftException ps => ps.IsTransient,
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>True for a failed write that surely did not reach the application server.</summary>
    internal static bool IsSafeToRepeatWrite(Exception exception) => exception switch
    {
        PeopleSoftException { StatusCode: 503 } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        _ => false,
    };

    private static void Configure(
        ResiliencePipelineBuilder builder, PeopleSoftResilienceOptions options, RateLimiter concurrencyCap,
        ILogger logger, Func<Exception, bool> retryOn)
    {
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(retryOn),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromMinutes(2),
                OnRetry = args =>
                {
                    PeopleSoftLog.Retrying(logger, args.Context.OperationKey ?? "call",
                        Describe(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddStrategy(_ => new ConcurrencyCapStrategy(concurrencyCap), new ConcurrencyCapStrategyOptions())
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>The cap on calls in flight, shared by both pipelines.</summary>
    internal static ConcurrencyLimiter CreateConcurrencyCap(PeopleSoftResilienceOptions options) => new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.MaxConcurrentCalls,
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private static string Describe(Exception? exception) => exception switch
    {
        PeopleSoftException ps => ps.Code.Value,
        TimeoutRejectedException => "timeout",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using PsBill.Connector.Bill.Gate;

namespace PsBill.Connector.Bill.Resilience;

/// <summary>
/// Every resilience rule for BILL, in one place. A call runs through, outermost first:
/// <list type="number">
/// <item><b>hourly quota</b>: <c>BDC_1144</c> waits until the next hour (by the injected <see cref="TimeProvider"/>);</item>
/// <item><b>concurrency</b>: <c>BDC_1322</c> backs off exponentially with jitter (BILL recommends 2^retry);</item>
/// <item><b>transient</b>: 5xx, timeouts and network failures back off and retry, but only for calls that are safe to
/// repeat; a create whose answer was lost is classified "outcome unknown" by the channel and is not retried here;</item>
/// <item><b>session</b>: 401 / <c>BDC_1109</c> logs in again and retries once.</item>
/// </list>
/// The attempt timeout is the HTTP client's (see <see cref="BillClientOptions.RequestTimeout"/>), so it runs on the
/// real clock even when tests drive the pipelines with a fake one. Gate slots are held per attempt, never across a wait.
/// </summary>
internal sealed class BillResiliencePipelines
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);
    private readonly BillClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;

    public BillResiliencePipelines(IOptions<BillClientOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _time = time;
        _loggerFactory = loggerFactory;
        Login = Build(onSessionExpired: null);
    }

    /// <summary>For the login call: quota, concurrency and transient rules (no re-login, obviously).</summary>
    public ResiliencePipeline Login { get; }

    /// <summary>For every other call. <paramref name="onSessionExpired"/> runs before the single retry after a
    /// 401 / <c>BDC_1109</c>; it forgets the session that failed so the retry logs in again.</summary>
    public ResiliencePipeline ForCalls(Func<ResilienceContext, ValueTask> onSessionExpired) => Build(onSessionExpired);

    /// <summary>How long to wait after <c>BDC_1144</c>: to the top of the next hour, plus a margin.</summary>
    public TimeSpan UntilNextHour()
    {
        var now = _time.GetUtcNow();
        var hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return hourStart.AddHours(1) - now + _options.HourlyQuotaMargin;
    }

    private ResiliencePipeline Build(Func<ResilienceContext, ValueTask>? onSessionExpired)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.HourlyQuotaMaxWaits > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "bill-hourly-quota",
                ShouldHandle = Handle(BillFailureKind.QuotaExceeded),
                MaxRetryAttempts = _options.HourlyQuotaMaxWaits,
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(UntilNextHour()),
            });
        }

        if (_options.RateLimitMaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "bill-concurrency",
                ShouldHandle = Handle(BillFailureKind.RateLimited),
                MaxRetryAttempts = _options.RateLimitMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RateLimitBaseDelay,
                MaxDelay = MaxBackoff,
            });
        }

        if (_options.TransientMaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "bill-transient",
                ShouldHandle = Handle(BillFailureKind.Transient),
                MaxRetryAttempts = _options.TransientMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.TransientBaseDelay,
                MaxDelay = MaxBackoff,
            });
        }

        if (onSessionExpired is not null)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "bill-session",
                ShouldHandle = Handle(BillFailureKind.SessionExpired),
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                OnRetry = args => onSessionExpired(args.Context),
            });
        }

        builder.ConfigureTelemetry(_loggerFactory);
        return builder.Build();
    }

    private static Func<RetryPredicateArguments<object>, ValueTask<bool>> Handle(BillFailureKind kind) =>
        args => ValueTask.FromResult(args.Outcome.Exception is BillApiException ex && ex.Kind == kind);
}

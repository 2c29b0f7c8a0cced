using System.Threading.RateLimiting;
using Polly;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// A Polly strategy that lets a call through only while it holds a permit of the shared concurrency limiter.
/// (Polly.RateLimiting would do the same, but it drags a NuGet System.Threading.RateLimiting that the shared
/// framework already has; this is the few lines it takes.)
/// </summary>
internal sealed class ConcurrencyCapStrategy(RateLimiter limiter) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        using var lease = await limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!lease.IsAcquired)
        {
            return Outcome.FromException<TResult>(new PeopleSoftException(
                "Too many PeopleSoft calls are waiting for a free slot; the call was not sent.",
                PeopleSoftErrorKind.Transient, new PeopleSoftErrorCode("QUEUE_FULL")));
        }
        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}

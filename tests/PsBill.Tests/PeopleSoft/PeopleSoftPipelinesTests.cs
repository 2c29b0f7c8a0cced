using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftPipelinesTests
{
    private static ResiliencePipeline Build(FakeTimeProvider time, Action<ResiliencePipelineBuilder, PeopleSoftResilienceOptions, System.Threading.RateLimiting.RateLimiter, Microsoft.Extensions.Logging.ILogger> configure)
    {
        var options = new PeopleSoftResilienceOptions { MaxRetryAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(2) };
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        configure(builder, options, PeopleSoftPipelines.CreateConcurrencyCap(options), NullLogger.Instance);
        return builder.Build();
    }

    private static PeopleSoftException Unavailable(int status) =>
        new("unavailable", PeopleSoftErrorKind.Transient, PeopleSoftErrorCode.Http(status), status);

    [Fact]
    public async Task Read_TransientFailures_RetriesAfterBackoffOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var pipeline = Build(time, PeopleSoftPipelines.ConfigureRead);
        var attempts = 0;

        var call = pipeline.ExecuteAsync(_ => ++attempts <= 3 ? throw Unavailable(503) : ValueTask.FromResult("ok")).AsTask();

        await Task.Delay(50);
        Assert.False(call.IsCompleted); // it waits on the clock, not immediately and not on real time
        Assert.Equal(1, attempts);
        for (var i = 0; i < 60 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }
        Assert.Equal("ok", await call);
        Assert.Equal(4, attempts);
        Assert.True(time.GetUtcNow() - start > TimeSpan.Zero);
    }

    [Fact]
    public async Task Read_TransientFailuresBeyondTheAttempts_GivesUpWithTheLastFailure()
    {
        var time = new FakeTimeProvider();
        var pipeline = Build(time, PeopleSoftPipelines.ConfigureRead);
        var attempts = 0;

        var call = pipeline.ExecuteAsync<string>(_ => { attempts++; throw Unavailable(502); }).AsTask();
        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => call);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal(4, attempts); // the first and MaxRetryAttempts = 3 retries
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(504, false)]
    [InlineData(503, true)]
    public void IsSafeToRepeatWrite_GatewayStatus_OnlyServiceUnavailableIsRepeated(int status, bool repeated) =>
        Assert.Equal(repeated, PeopleSoftPipelines.IsSafeToRepeatWrite(Unavailable(status)));

    [Fact]
    public void IsTransientRead_AuthenticationAndRejection_NotRetried()
    {
        Assert.False(PeopleSoftPipelines.IsTransientRead(new PeopleSoftException("x", PeopleSoftErrorKind.Authentication, PeopleSoftErrorCode.UserPasswordFailed)));
        Assert.False(PeopleSoftPipelines.IsTransientRead(new PeopleSoftException("x", PeopleSoftErrorKind.Rejected, PeopleSoftErrorCode.NoRowsForKeys)));
        Assert.True(PeopleSoftPipelines.IsTransientRead(Unavailable(502)));
        Assert.True(PeopleSoftPipelines.IsTransientRead(new HttpRequestException("reset")));
        Assert.True(PeopleSoftPipelines.IsTransientRead(new HttpIOException(HttpRequestError.ResponseEnded, "the body broke off")));
        Assert.True(PeopleSoftPipelines.IsTransientRead(new IOException("Connection reset by peer")));
    }
}

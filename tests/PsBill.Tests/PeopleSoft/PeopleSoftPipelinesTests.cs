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
    public async Task Read_TransientFailures_WaitsWithGrowingBackoffBeforeEachRetry()
    {
        var time = new FakeTimeProvider();
        var pipeline = Build(time, PeopleSoftPipelines.ConfigureRead);
        var attempts = 0;

        var call = pipeline.ExecuteAsync(_ => ++attempts <= 3 ? throw Unavailable(503) : ValueTask.FromResult("ok")).AsTask();

        Assert.Equal(1, attempts);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, attempts); // the first backoff is about 2 s (with jitter), not immediate
        for (var i = 0; i < 40 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        Assert.Equal("ok", await call);
        Assert.Equal(4, attempts);
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
    }
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work.Steps;
using PsBill.Cli.Functions;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Functions;

public sealed class ScheduledFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private sealed class CountingVoucherPoll(RunCounts result) : IVoucherPoll
    {
        public List<RunContext> Runs { get; } = [];

        public Task<RunCounts> PollAsync(RunContext run, CancellationToken cancellationToken = default)
        {
            Runs.Add(run);
            return Task.FromResult(result);
        }
    }

    private static readonly TimerInfo PastDue = new(new TimerScheduleInfo(true), null, IsPastDue: true);

    [Fact]
    public async Task PollVouchers_NoStepRegistered_FailsLoudlyAndRecordsAFailedRun()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        await using var scope = services.CreateAsyncScope();

        var ex = await Assert.ThrowsAsync<StepNotConfiguredException>(() =>
            scope.ServiceProvider.GetRequiredService<PollVouchers>().RunAsync(PastDue, new FunctionContext("PollVouchers", "i"), CancellationToken.None));

        var run = Assert.Single(await services.GetRequiredService<RunStore>().ListRecentAsync());
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(ex.Message, run.Error);
        Assert.Contains("PollVouchers is not configured: no IVoucherPoll", run.Error);
    }

    [Fact]
    public async Task PollVouchers_WithStep_RunsItInARunAndRecordsItsCounts()
    {
        var poll = new CountingVoucherPoll(new RunCounts(Seen: 7));
        await using var services = await TestServices.CreateAsync(azurite, configure: s => s.AddSingleton<IVoucherPoll>(poll));
        await using var scope = services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<PollVouchers>().RunAsync(PastDue, new FunctionContext("PollVouchers", "i"), CancellationToken.None);

        var run = Assert.Single(await services.GetRequiredService<RunStore>().ListRecentAsync());
        var context = Assert.Single(poll.Runs);
        Assert.Equal((run.Id, "PollVouchers", true), (context.RunId, context.Function, context.IsPastDue));
        Assert.Equal((RunStatus.Succeeded, 7), (run.Status, run.Counts.Seen));
    }

    [Theory]
    [InlineData(typeof(PollSuppliers))]
    [InlineData(typeof(PollPayments))]
    [InlineData(typeof(SyncReferenceData))]
    public async Task OtherTimers_NoStepRegistered_FailLoudly(Type function)
    {
        await using var services = await TestServices.CreateAsync(azurite);
        await using var scope = services.CreateAsyncScope();
        var instance = (ITimerFunction)scope.ServiceProvider.GetRequiredService(function);

        var ex = await Assert.ThrowsAsync<StepNotConfiguredException>(() => instance.RunAsync(PastDue, new FunctionContext(function.Name, "i"), CancellationToken.None));

        Assert.Equal(function.Name, ex.Function);
    }
}

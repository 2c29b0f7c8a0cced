using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work.Steps;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting.Standalone;

/// <summary>Timer ticks on the standalone host: NCRONTAB on the injected clock, one process per tick (blob lease + status).</summary>
public sealed class TimerSingletonTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private sealed class SharedPoll : IVoucherPoll
    {
        public ConcurrentQueue<RunContext> Runs { get; } = new();

        public async Task<RunCounts> PollAsync(RunContext run, CancellationToken cancellationToken = default)
        {
            Runs.Enqueue(run);
            await Task.Delay(200, cancellationToken); // long enough for the other host to reach the lease
            return new RunCounts(Seen: 1);
        }
    }

    private StandaloneHost Host(string prefix, FakeTimeProvider time, SharedPoll poll) => StandaloneHost.Create(
        TestSettings.For(azurite, prefix, [new("PsBill:Standalone:RunQueue", "false"), new("PsBill:Schedules:PollVouchers", "0 0 * * * *")]),
        services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IVoucherPoll>(poll);
        });

    [Fact]
    public async Task TwoHosts_OnTheSameSchedule_OnlyOneRunsTheTick()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 7, 59, 59, TimeSpan.Zero));
        var poll = new SharedPoll();
        await using var first = Host(prefix, time, poll);
        await using var second = Host(prefix, time, poll);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await Task.Delay(1000); // both schedulers are now waiting for 08:00:00 on the fake clock

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await Eventually.TrueAsync(async () =>
            (await first.Services.GetRequiredService<RunStore>().ListRecentAsync()).Any(r => r.Status != RunStatus.Running)));
        await Task.Delay(700);
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        var run = Assert.Single(poll.Runs);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), run.StartedAt);
        Assert.Single(await first.Services.GetRequiredService<RunStore>().ListRecentAsync());
    }

    [Fact]
    public async Task TryRunAsync_SameOccurrenceConcurrentlyAndAgain_RunsExactlyOnceAndRecordsStatus()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var poll = new SharedPoll();
        await using var first = Host(prefix, time, poll);
        await using var second = Host(prefix, time, poll);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var occurrence = time.GetUtcNow();
        var next = occurrence.AddHours(1);

        var ran = await Task.WhenAll(
            first.Services.GetRequiredService<TimerTicks>().TryRunAsync("PollVouchers", occurrence, next, false, CancellationToken.None),
            second.Services.GetRequiredService<TimerTicks>().TryRunAsync("PollVouchers", occurrence, next, false, CancellationToken.None));
        var later = await second.Services.GetRequiredService<TimerTicks>().TryRunAsync("PollVouchers", occurrence, next, false, CancellationToken.None);

        Assert.Equal(1, ran.Count(r => r));
        Assert.False(later);
        Assert.Single(poll.Runs);
        var status = await first.Services.GetRequiredService<TimerTicks>().ReadStatusAsync("PollVouchers");
        Assert.Equal((occurrence, next), (status!.Last, status.Next));
    }

    [Fact]
    public async Task Start_RecordedNextTickIsInThePast_RunsItOnceMarkedPastDue()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
        var poll = new SharedPoll();
        await using (var earlier = Host(prefix, time, poll))
        {
            await earlier.StartAsync();
            await earlier.Services.GetRequiredService<TimerTicks>().TryRunAsync("PollVouchers", time.GetUtcNow(), time.GetUtcNow().AddHours(1), false, CancellationToken.None);
            await earlier.StopAsync();
        }
        time.Advance(TimeSpan.FromHours(3)); // the app was down at 08:00

        await using var restarted = Host(prefix, time, poll);
        await restarted.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => poll.Runs.Count == 2));
        await restarted.StopAsync();
        Assert.True(poll.Runs.Last().IsPastDue);
    }
}

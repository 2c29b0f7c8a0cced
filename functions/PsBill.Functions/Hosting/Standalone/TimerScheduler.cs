using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using PsBill.Functions.Functions;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting.Standalone;

/// <summary>
/// The standalone host's timer triggers: one loop per timer function, sleeping (on the injected clock) until the next
/// NCRONTAB occurrence in UTC, then running the tick through <see cref="TimerTicks"/> (one process per tick). At start,
/// a tick that was due while no process ran (recorded next occurrence in the past) runs once, marked past due.
/// </summary>
public sealed partial class TimerScheduler(
    FunctionCatalog catalog, TimerTicks ticks, IOptions<ScheduleOptions> schedules, TimeProvider time, ILogger<TimerScheduler> logger) : BackgroundService
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.WithTrigger<TimerTriggerAttribute>()
            .Select(t => RunScheduleAsync(t.Function.Name, CrontabSchedule.Parse(schedules.Value.Get(t.Trigger.ScheduleName), WithSeconds), stoppingToken)));

    private async Task RunScheduleAsync(string functionName, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        try
        {
            await RunPastDueAsync(functionName, schedule, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var occurrence = Next(schedule, now);
                LogScheduled(logger, functionName, occurrence);
                await Task.Delay(occurrence - now, time, stoppingToken).ConfigureAwait(false);
                await ticks.TryRunAsync(functionName, occurrence, Next(schedule, occurrence), isPastDue: false, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunPastDueAsync(string functionName, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        var status = await ticks.ReadStatusAsync(functionName, stoppingToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (status is null || status.Next > now) return;
        LogPastDue(logger, functionName, status.Next);
        await ticks.TryRunAsync(functionName, status.Next, Next(schedule, now), isPastDue: true, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public static DateTimeOffset Next(CrontabSchedule schedule, DateTimeOffset after) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} next tick at {Occurrence}")]
    private static partial void LogScheduled(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} tick {Occurrence} was missed while no host ran; running it now")]
    private static partial void LogPastDue(ILogger logger, string function, DateTimeOffset occurrence);
}

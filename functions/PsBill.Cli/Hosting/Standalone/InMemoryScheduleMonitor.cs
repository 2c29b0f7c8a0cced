using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// The timers' schedule monitor, in memory. The WebJobs default keeps status blobs (and needs a distributed lock service
/// this host does not load); PsBill's timers only start singleton orchestrations, whose fixed instance ids are the lock,
/// and a missed tick is caught up by the next one (every poll reads from its checkpoint), so nothing needs persisting.
/// Keeping storage out of the timers also means a storage outage cannot stop them.
/// </summary>
internal sealed class InMemoryScheduleMonitor : ScheduleMonitor
{
    private readonly Dictionary<string, ScheduleStatus> _status = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public override Task<ScheduleStatus> GetStatusAsync(string timerName)
    {
        lock (_gate) return Task.FromResult(_status.GetValueOrDefault(timerName)!);
    }

    public override Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        lock (_gate) _status[timerName] = status;
        return Task.CompletedTask;
    }
}

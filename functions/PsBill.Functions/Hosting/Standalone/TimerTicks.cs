using System.Text.Json;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Storage.Leases;
using PsBill.Functions.Functions;

namespace PsBill.Functions.Hosting.Standalone;

/// <summary>
/// Runs one timer tick on exactly one of the processes sharing the storage account. The function's lease blob
/// (<c>timers/{Function}</c>) is the lock, and it holds the schedule status (last and next occurrence), like the
/// Functions host's schedule monitor: whoever gets the lease first runs the tick and records it; a process that gets
/// the lease later for the same occurrence sees it recorded and skips it.
/// </summary>
public sealed partial class TimerTicks(BlobLeases leases, FunctionInvoker invoker, TimeProvider time, ILogger<TimerTicks> logger)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The lease blob of a timer function.</summary>
    public static string LeaseName(string functionName) => $"timers/{functionName}";

    /// <summary>
    /// Runs the tick at <paramref name="occurrence"/> unless another process holds the function's lease or already ran it;
    /// returns true when this call ran it. A failing function is logged and the tick still counts as run (a timer does not retry).
    /// </summary>
    public async Task<bool> TryRunAsync(string functionName, DateTimeOffset occurrence, DateTimeOffset next, bool isPastDue, CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireAsync(LeaseName(functionName), LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            LogSkippedHeld(logger, functionName, occurrence);
            return false;
        }

        await using (lease.ConfigureAwait(false))
        {
            var status = Parse(await lease.ReadStateAsync(cancellationToken).ConfigureAwait(false));
            if (status is not null && status.Last >= occurrence)
            {
                LogSkippedDone(logger, functionName, occurrence);
                return false;
            }

            using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = KeepLeaseAsync(lease, keepAlive.Token);
            try
            {
                var timer = new TimerInfo(new TimerScheduleInfo(false), status, isPastDue);
                await invoker.InvokeTimerAsync(functionName, timer, Guid.NewGuid().ToString(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogTickFailed(logger, ex, functionName, occurrence);
            }
            finally
            {
                await keepAlive.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            var recorded = new ScheduleStatus(occurrence, next, time.GetUtcNow());
            await lease.WriteStateAsync(JsonSerializer.Serialize(recorded, Json), CancellationToken.None).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>The recorded schedule status of a timer function, or null before its first tick.</summary>
    public async Task<ScheduleStatus?> ReadStatusAsync(string functionName, CancellationToken cancellationToken = default) =>
        Parse(await leases.ReadStateAsync(LeaseName(functionName), cancellationToken).ConfigureAwait(false));

    private async Task KeepLeaseAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, time, cancellationToken).ConfigureAwait(false);
                await lease.RenewAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The tick ended.
        }
        catch (Azure.RequestFailedException ex)
        {
            LogLeaseLost(logger, ex, lease.LeaseId);
        }
    }

    private static ScheduleStatus? Parse(string? state) =>
        string.IsNullOrWhiteSpace(state) ? null : JsonSerializer.Deserialize<ScheduleStatus>(state, Json);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} tick {Occurrence} skipped: another process holds the timer lease")]
    private static partial void LogSkippedHeld(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} tick {Occurrence} skipped: another process ran it")]
    private static partial void LogSkippedDone(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} tick {Occurrence} failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string function, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer lease {LeaseId} could not be renewed; another process may run the next tick")]
    private static partial void LogLeaseLost(ILogger logger, Exception exception, string leaseId);
}

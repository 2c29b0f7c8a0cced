using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// Ends <c>psbill run</c> (exit code 1, for a supervisor to start it again) once storage has not answered for
/// <see cref="StandaloneOptions.StorageOutageLimit"/>. Why a restart and not more patience: the Durable extension's Azure
/// Storage provider rides out a short outage, but when its call to complete or abandon an activity message fails after all
/// of its retries, it keeps that message marked "being processed" in memory for good (DurableTask.AzureStorage, see
/// Azure/durabletask#1173): every redelivery is then dropped as a duplicate, and the orchestration waiting for the activity
/// waits forever in a process that looks alive. The crash test saw exactly that after 15 s without storage. A new process
/// starts with no such memory and picks the message up again, and nothing is lost by stopping: the work lives in the task
/// hub and the ledger, and storage is down anyway. The limit is shorter than the storage SDK's own retries (about 20 s),
/// so the process ends before any call can have given up.
/// </summary>
internal sealed partial class StorageWatchdog(
    PsBillStorage storage,
    IHostApplicationLifetime lifetime,
    IOptions<StandaloneOptions> options,
    TimeProvider time,
    ILogger<StorageWatchdog> logger) : BackgroundService
{
    /// <summary>How often storage is asked whether it answers.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = options.Value.StorageOutageLimit;
        if (limit <= TimeSpan.Zero) return; // turned off
        var lastAnswer = time.GetTimestamp();
        var down = false;
        using var timer = new PeriodicTimer(ProbeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // A slow answer is an answer: the probe waits up to the whole limit, so a busy storage never stops the host.
                var problem = await ProbeAsync(limit - time.GetElapsedTime(lastAnswer), stoppingToken).ConfigureAwait(false);
                if (problem is null)
                {
                    if (down) LogStorageBack(logger, time.GetElapsedTime(lastAnswer));
                    down = false;
                    lastAnswer = time.GetTimestamp();
                    continue;
                }
                if (!down) LogStorageDown(logger, problem, limit);
                down = true;
                var silent = time.GetElapsedTime(lastAnswer);
                if (silent < limit) continue;
                LogStopping(logger, silent);
                lifetime.StopApplication();
                return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Asks the queue, table and blob services (the Durable engine uses all three) for their properties; null when all answered.</summary>
    private async Task<string?> ProbeAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(wait > ProbeInterval ? wait : ProbeInterval);
        try
        {
            await Task.WhenAll(
                storage.QueueService.GetPropertiesAsync(timeout.Token),
                storage.TableService.GetPropertiesAsync(timeout.Token),
                storage.BlobService.GetPropertiesAsync(timeout.Token)).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return "no answer";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or IOException)
        {
            return ex.GetType().Name + ": " + ex.Message.Split('\n')[0];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage does not answer ({Problem}); psbill run stops if it still does not after {Limit}")]
    private static partial void LogStorageDown(ILogger logger, string problem, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage answers again after {Silent}")]
    private static partial void LogStorageBack(ILogger logger, TimeSpan silent);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage has not answered for {Silent}: psbill run stops with exit code 1 so that its supervisor starts it again "
        + "(the Durable engine may have lost track of messages it could not complete; a new process picks them up)")]
    private static partial void LogStopping(ILogger logger, TimeSpan silent);
}

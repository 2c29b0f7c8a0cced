using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage;
using PsBill.Connector.Work;
using PsBill.Functions.Functions;

namespace PsBill.Functions.Hosting.Standalone;

/// <summary>
/// The standalone host's queue trigger, with the Functions host's semantics: a received message stays hidden while
/// its function runs (the visibility timeout is renewed at half-time); success deletes it; a failure makes it visible
/// again after the retry delay, and after the max dequeue count moves it to the poison queue. Any number of processes
/// can listen to one queue (competing consumers). On stop, no new message is taken; in-flight ones finish, or,
/// when the stop times out, their messages are made visible again at once.
/// </summary>
public sealed partial class QueueListener : IHostedService, IDisposable
{
    private readonly QueueClient _queue;
    private readonly WorkQueue _work;
    private readonly FunctionInvoker _invoker;
    private readonly string _functionName;
    private readonly WorkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueListener> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopReceiving = new();
    private readonly CancellationTokenSource _abortItems = new();
    private readonly HashSet<Task> _inFlight = [];
    private Task _loop = Task.CompletedTask;

    public QueueListener(PsBillStorage storage, WorkQueue work, FunctionInvoker invoker, string functionName,
        IOptions<WorkOptions> options, TimeProvider time, ILogger<QueueListener> logger)
    {
        _queue = storage.WorkQueue;
        _work = work;
        _invoker = invoker;
        _functionName = functionName;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.BatchSize, _options.BatchSize);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => ReceiveLoopAsync(_stopReceiving.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopReceiving.CancelAsync().ConfigureAwait(false);
        // When the host's stop budget runs out, in-flight items are cancelled and their messages released.
        using var abort = cancellationToken.Register(() => _abortItems.Cancel());
        await _loop.ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync(CancellationToken stop)
    {
        var idleDelay = MinPollingInterval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var free = 1;
            while (free < 32 && _slots.Wait(0)) free++;
            QueueMessage[] messages;
            try
            {
                messages = (await _queue.ReceiveMessagesAsync(free, _options.VisibilityTimeout, stop).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException)
            {
                _slots.Release(free);
                break;
            }
            catch (RequestFailedException ex)
            {
                _slots.Release(free);
                LogReceiveFailed(_logger, ex, _queue.Name);
                messages = [];
            }

            if (messages.Length < free) _slots.Release(free - messages.Length);
            if (messages.Length == 0)
            {
                if (!await DelayAsync(idleDelay, stop).ConfigureAwait(false)) break;
                idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, _options.MaxPollingInterval.Ticks));
                continue;
            }

            idleDelay = MinPollingInterval;
            foreach (var message in messages) Track(ProcessAsync(message));
        }

        Task[] remaining;
        lock (_inFlight) remaining = [.. _inFlight];
        await Task.WhenAll(remaining).ConfigureAwait(false);
    }

    private TimeSpan MinPollingInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(100).Ticks, _options.MaxPollingInterval.Ticks));

    private void Track(Task task)
    {
        lock (_inFlight) _inFlight.Add(task);
        task.ContinueWith(t =>
        {
            lock (_inFlight) _inFlight.Remove(t);
            _slots.Release();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ProcessAsync(QueueMessage message)
    {
        await Task.Yield();
        var receipt = new MessageReceipt(message.PopReceipt);
        try
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                // Delivered too often without being settled (e.g. the process died each time): stop here.
                await PoisonAsync(message, receipt, PoisonMessage.DequeueLimitReason).ConfigureAwait(false);
                return;
            }

            var (outcome, error) = await RunWithRenewalAsync(message, receipt).ConfigureAwait(false);
            switch (outcome)
            {
                case Delivery.Succeeded:
                    await _queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None).ConfigureAwait(false);
                    break;
                case Delivery.Aborted:
                    await _queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    LogReleased(_logger, message.MessageId);
                    break;
                case Delivery.Failed when message.DequeueCount >= _options.MaxDequeueCount:
                    await PoisonAsync(message, receipt, $"{PoisonMessage.DequeueLimitReason} ({message.DequeueCount}); last error: {error}").ConfigureAwait(false);
                    break;
                case Delivery.Failed:
                    await _queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: _options.RetryDelay, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    break;
            }
        }
        catch (RequestFailedException ex)
        {
            // The message was lost to another consumer (its visibility ran out) or storage failed: it becomes visible
            // again by itself, so nothing is dropped; the next delivery decides.
            LogSettleFailed(_logger, ex, message.MessageId);
        }
    }

    private async Task<(Delivery Outcome, string? Error)> RunWithRenewalAsync(QueueMessage message, MessageReceipt receipt)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(_abortItems.Token);
        var renewing = RenewAsync(message.MessageId, receipt, renewal.Token);
        try
        {
            var trigger = new QueueTriggerMessage(message.MessageText, message.MessageId, message.DequeueCount, message.InsertedOn);
            await _invoker.InvokeQueueAsync(_functionName, trigger, Guid.NewGuid().ToString(), _abortItems.Token).ConfigureAwait(false);
            return (Delivery.Succeeded, null);
        }
        catch (OperationCanceledException) when (_abortItems.IsCancellationRequested)
        {
            return (Delivery.Aborted, null);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(_logger, ex, message.MessageId, message.DequeueCount, _options.MaxDequeueCount);
            return (Delivery.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(string messageId, MessageReceipt receipt, CancellationToken cancellationToken)
    {
        var interval = _options.VisibilityTimeout / 2;
        while (await DelayAsync(interval, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var updated = await _queue.UpdateMessageAsync(messageId, receipt.Value, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
                receipt.Value = updated.Value.PopReceipt;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                LogRenewFailed(_logger, ex, messageId);
                return;
            }
        }
    }

    private async Task PoisonAsync(QueueMessage message, MessageReceipt receipt, string reason)
    {
        await _work.SendToPoisonAsync(message.MessageText, reason, CancellationToken.None).ConfigureAwait(false);
        await _queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None).ConfigureAwait(false);
        LogPoisoned(_logger, message.MessageId, message.DequeueCount, _work.PoisonName);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopReceiving.Dispose();
        _abortItems.Dispose();
        _slots.Dispose();
    }

    private enum Delivery { Succeeded, Failed, Aborted }

    // The pop receipt changes with every visibility renewal; settle with the latest.
    private sealed class MessageReceipt(string value)
    {
        private string _value = value;

        public string Value
        {
            get => Volatile.Read(ref _value);
            set => Volatile.Write(ref _value, value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed; trying again")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on delivery {DequeueCount} of {MaxDequeueCount}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved to {PoisonQueue} after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} released on shutdown: visible again now")]
    private static partial void LogReleased(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the visibility of message {MessageId} failed; another worker may receive it")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling message {MessageId} failed; it will be delivered again")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string messageId);
}

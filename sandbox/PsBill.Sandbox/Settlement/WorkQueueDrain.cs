using System.Diagnostics;
using PsBill.Connector.Storage;

namespace PsBill.Sandbox.Settlement;

/// <summary>Waits until the work queue is empty, delayed retries included: the host's queue listener does the work.</summary>
public static class WorkQueueDrain
{
    /// <summary>Returns once the queue has shown no message (visible or not) for three looks in a row.</summary>
    /// <exception cref="TimeoutException">The queue did not drain in <paramref name="timeout"/>.</exception>
    public static async Task WaitAsync(PsBillStorage storage, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var clock = Stopwatch.StartNew();
        var emptyLooks = 0;
        while (emptyLooks < 3)
        {
            var properties = await storage.WorkQueue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            emptyLooks = properties.Value.ApproximateMessagesCount == 0 ? emptyLooks + 1 : 0;
            if (clock.Elapsed > timeout) throw new TimeoutException($"The work queue still holds {properties.Value.ApproximateMessagesCount} messages after {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(150), cancellationToken).ConfigureAwait(false);
        }
    }
}

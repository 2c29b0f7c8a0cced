using Microsoft.Extensions.Options;

namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// A gate for one process only (a semaphore of <see cref="BillGateOptions.SlotCount"/>). Right when a single instance
/// talks to BILL (a laptop, a test); with several instances use <see cref="BlobLeaseBillCallGate"/>.
/// </summary>
public sealed class InProcessBillCallGate : IBillCallGate, IDisposable
{
    private readonly SemaphoreSlim _slots;

    public InProcessBillCallGate(IOptions<BillGateOptions> options)
    {
        var count = options.Value.SlotCount;
        _slots = new SemaphoreSlim(count, count);
    }

    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
            return ValueTask.CompletedTask;
        }
    }
}

using Microsoft.Extensions.Options;

namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// The gate of the Durable runtime. BILL's "3 calls in flight per organization" is kept by the flows: every activity
/// that calls BILL runs while its orchestration holds one of the BillGate entity's slots, across every instance. Inside
/// such an activity (<see cref="BillSlotScope"/>) this gate only serializes the activity's own calls. Outside a flow (a
/// CLI check, a preview) it falls back to an in-process gate of <see cref="BillGateOptions.SlotCount"/>.
/// </summary>
public sealed class FlowSlotBillCallGate(IOptions<BillGateOptions> options) : IBillCallGate, IDisposable
{
    private readonly InProcessBillCallGate _outsideFlows = new(options);

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (BillSlotScope.ForbiddenIn is { } step)
            throw new InvalidOperationException($"{step} holds no BillGate slot, so it must not call BILL (a call would be over the 3 in flight BILL allows).");
        if (BillSlotScope.Slot is not { } slot) return await _outsideFlows.EnterAsync(cancellationToken).ConfigureAwait(false);
        await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(slot);
    }

    /// <inheritdoc />
    public void Dispose() => _outsideFlows.Dispose();

    private sealed class Held(SemaphoreSlim slot) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                try
                {
                    slot.Release();
                }
                catch (ObjectDisposedException)
                {
                    // The activity ended (its scope is gone) while a call it started was still finishing: nothing to give back.
                }
            }
            return ValueTask.CompletedTask;
        }
    }
}

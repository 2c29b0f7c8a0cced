namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// Admits a BILL call: at most N calls per BILL organization are in flight at once. Every HTTP attempt to BILL holds
/// one slot from just before it is sent until its answer has been read; backoff waits hold none.
/// </summary>
public interface IBillCallGate
{
    /// <summary>Waits for a free slot and takes it. Dispose the result to give the slot back.</summary>
    ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken = default);
}

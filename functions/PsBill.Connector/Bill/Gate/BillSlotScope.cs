namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// Marks the current call as running on one BILL slot that its flow holds (the BillGate entity's critical section): while
/// the scope is open, <see cref="FlowSlotBillCallGate"/> lets the calls of this activity through one at a time, so an
/// activity never has more than the one call in flight that its slot stands for, even where it works in parallel.
/// </summary>
public static class BillSlotScope
{
    private static readonly AsyncLocal<SemaphoreSlim?> Current = new();
    private static readonly AsyncLocal<string?> Forbidden = new();

    /// <summary>The slot of the current call, or null outside a flow.</summary>
    internal static SemaphoreSlim? Slot => Current.Value;

    /// <summary>The step that holds no slot and so must not call BILL, or null.</summary>
    internal static string? ForbiddenIn => Forbidden.Value;

    /// <summary>
    /// Marks the current call (an activity of a flow that holds no slot) as one that must not call BILL: a call would be a
    /// fourth in flight, so the gate refuses it with an error naming <paramref name="step"/> instead of letting it through.
    /// </summary>
    public static IDisposable Forbid(string step)
    {
        var previous = Forbidden.Value;
        Forbidden.Value = step;
        return new Allow(previous);
    }

    /// <summary>
    /// Opens the scope for the current call (an activity); dispose it when the activity ends. Inside an open scope it opens
    /// none of its own: an activity that runs several items (a settlement lane's batch) holds one slot for all of them, so
    /// items it runs side by side share the one call in flight.
    /// </summary>
    public static IDisposable Enter()
    {
        var previous = Current.Value;
        if (previous is not null) return Shared.Instance;
        var slot = new SemaphoreSlim(1, 1);
        Current.Value = slot;
        return new Exit(previous, slot);
    }

    private sealed class Exit(SemaphoreSlim? previous, SemaphoreSlim slot) : IDisposable
    {
        public void Dispose()
        {
            Current.Value = previous;
            slot.Dispose();
        }
    }

    // A scope opened inside another: the outer one closes the slot.
    private sealed class Shared : IDisposable
    {
        public static readonly Shared Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Allow(string? previous) : IDisposable
    {
        public void Dispose() => Forbidden.Value = previous;
    }
}

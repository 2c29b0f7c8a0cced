using System.Collections.Concurrent;

namespace PsBill.Connector.Sync.Engine;

/// <summary>
/// Lets the code that calls BILL hand the writing of create results to a later step. BILL allows 3 calls in flight per
/// organization and a flow's activity holds one of those slots while it runs, so the hundreds of ledger and audit writes
/// that follow a bulk create are better done beside the slot's next BILL call: by the batch that made the call, while its
/// other items are in BILL, or by a separate activity that holds no slot. While a scope is open,
/// <see cref="SyncEngine"/> puts its create results here (the counts and retry decisions are made at once); the caller
/// writes them with <see cref="CreateResultWriter"/> before anything else touches those records. A crash before that
/// leaves intents, which the next attempt looks up in BILL before creating anything: safe, only slower.
/// </summary>
public sealed class DeferredCreateResults
{
    private static readonly AsyncLocal<DeferredCreateResults?> Current = new();
    private readonly ConcurrentQueue<CreateResult> _results = new();

    /// <summary>The open scope of this call, or null (then results are written at once).</summary>
    internal static DeferredCreateResults? Active => Current.Value;

    /// <summary>The results handed over, in no particular order.</summary>
    public IReadOnlyList<CreateResult> Results => [.. _results];

    /// <summary>Opens a scope for the current call.</summary>
    public static IDisposable Open(out DeferredCreateResults results)
    {
        var previous = Current.Value;
        results = new DeferredCreateResults();
        Current.Value = results;
        return new Restore(previous);
    }

    /// <summary>Writes results at once inside this scope: for a step whose next move reads them back (a vendor created
    /// inline for a bill is looked up in the ledger right after).</summary>
    public static IDisposable Suspend()
    {
        var previous = Current.Value;
        Current.Value = null;
        return new Restore(previous);
    }

    internal void Add(CreateResult result) => _results.Enqueue(result);

    private sealed class Restore(DeferredCreateResults? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

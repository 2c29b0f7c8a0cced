using System.Collections.Concurrent;

namespace PsBill.Connector.Sync.Snapshots;

/// <summary>
/// The snapshots this process saved moments ago, each handed once to the first read of its key: the send of the page that
/// read them, seconds later, then needs no storage round trip while it holds a BILL slot. Measured on the storage emulator
/// with 10,000 vouchers, reading a 100-voucher batch's snapshots back took about 200 ms of the ~500 ms the batch held its slot.
/// </summary>
/// <remarks>
/// Safe because it only ever answers with what this process itself just wrote, and only once: the poll that saves a page is
/// the only writer of those rows until the page's work is done (the flows are singletons; the withdrawn sweep runs after
/// the last page, and a withdrawal made here takes the key out), and any later read (a retry, a replay, another process)
/// goes to storage. Entries live at most <see cref="Lifetime"/>, and at most <see cref="Capacity"/> are kept, so a batch
/// that runs in another process leaves no lasting memory behind.
/// </remarks>
public sealed class SavedSnapshotCache(TimeProvider time)
{
    /// <summary>How long a saved snapshot may be handed out.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>The most snapshots kept (a few pages' worth).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, (SourceSnapshot Snapshot, long SavedAt)> _saved = new(StringComparer.Ordinal);

    /// <summary>Keeps snapshots that were just saved.</summary>
    public void Add(IEnumerable<SourceSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (_saved.Count >= Capacity) Prune();
        var now = time.GetTimestamp();
        foreach (var snapshot in snapshots) _saved[snapshot.Key] = (snapshot, now);
    }

    /// <summary>The snapshot saved for <paramref name="key"/> within <see cref="Lifetime"/>, removed as it is handed out; null otherwise.</summary>
    public SourceSnapshot? Take(string key) =>
        _saved.TryRemove(key, out var entry) && time.GetElapsedTime(entry.SavedAt) <= Lifetime ? entry.Snapshot : null;

    /// <summary>Drops the key (its stored row changed another way).</summary>
    public void Forget(string key) => _saved.TryRemove(key, out _);

    private void Prune()
    {
        foreach (var (key, entry) in _saved)
            if (time.GetElapsedTime(entry.SavedAt) > Lifetime) _saved.TryRemove(key, out _);
        if (_saved.Count >= Capacity) _saved.Clear(); // still full of fresh ones nobody takes: they are in storage anyway
    }
}

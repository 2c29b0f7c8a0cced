using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Sync.Engine;

/// <summary>Collects the outcome of each key of a batch while the keys run in parallel.</summary>
internal sealed class SyncBatchTally(int total)
{
    private readonly Lock _sync = new();
    private readonly List<string> _retryKeys = [];
    private RunCounts _counts = RunCounts.None;
    private TimeSpan _retryAfter;
    private string? _retryReason;
    private string? _parkReason;

    public void Add(RunCounts delta)
    {
        lock (_sync) _counts += delta;
    }

    public void Parked(string reason)
    {
        lock (_sync)
        {
            _counts += new RunCounts(Parked: 1);
            _parkReason ??= reason;
        }
    }

    public void Retry(string key, string reason, TimeSpan after)
    {
        lock (_sync)
        {
            _retryKeys.Add(key);
            _retryReason ??= reason;
            if (after > _retryAfter) _retryAfter = after;
        }
    }

    public SyncBatchResult ToResult()
    {
        lock (_sync) return new SyncBatchResult(_counts, [.. _retryKeys], _retryAfter, _retryReason, _parkReason, total);
    }
}

using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;

namespace PsBill.Connector.Sync.Engine;

/// <summary>What <see cref="SyncEngine"/> did with a batch.</summary>
/// <param name="Counts">Created, updated, already there, parked (seen is counted by the poll).</param>
/// <param name="RetryKeys">Keys to try again later.</param>
/// <param name="RetryAfter">How long to wait before that.</param>
/// <param name="RetryReason">Why (the first reason met).</param>
/// <param name="ParkReason">The first park reason met, if any.</param>
/// <param name="Total">Keys in the batch.</param>
public sealed record SyncBatchResult(RunCounts Counts, IReadOnlyList<string> RetryKeys, TimeSpan RetryAfter, string? RetryReason, string? ParkReason, int Total)
{
    /// <summary>How the work item ends: retry the keys that need it, parked when every key parked, done otherwise.</summary>
    public WorkOutcome ToOutcome()
    {
        if (RetryKeys.Count > 0)
            return WorkOutcome.RetryLater(RetryAfter, $"{RetryKeys.Count} of {Total} keys: {RetryReason}", RetryKeys);
        if (Total > 0 && Counts.Parked == Total) return WorkOutcome.Parked($"{Total} parked: {ParkReason}");
        return WorkOutcome.Done();
    }
}

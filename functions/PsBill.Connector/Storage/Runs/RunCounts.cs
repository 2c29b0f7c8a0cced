namespace PsBill.Connector.Storage.Runs;

/// <summary>What a run did with the records it saw. Counts add up: a poll records <see cref="Seen"/>, the work items
/// it enqueued add created/updated/already-there/parked/failed as they finish.</summary>
public sealed record RunCounts(int Seen = 0, int Created = 0, int Updated = 0, int AlreadyThere = 0, int Parked = 0, int Failed = 0)
{
    /// <summary>No counts.</summary>
    public static readonly RunCounts None = new();

    /// <summary>The sum of two sets of counts.</summary>
    public static RunCounts operator +(RunCounts left, RunCounts right) => new(
        left.Seen + right.Seen, left.Created + right.Created, left.Updated + right.Updated,
        left.AlreadyThere + right.AlreadyThere, left.Parked + right.Parked, left.Failed + right.Failed);
}

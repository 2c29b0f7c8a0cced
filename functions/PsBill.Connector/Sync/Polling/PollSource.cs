using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Work;

namespace PsBill.Connector.Sync.Polling;

/// <summary>One incremental PeopleSoft read that <see cref="IncrementalPoll"/> turns into work items.</summary>
/// <typeparam name="T">The PeopleSoft record.</typeparam>
/// <param name="CheckpointName">The checkpoint's name in the checkpoint table.</param>
/// <param name="Kind">The work item kind (and key prefix).</param>
/// <param name="BatchSize">Keys per work item (one bulk call).</param>
/// <param name="Read">The read, from a checkpoint (null = from the start).</param>
/// <param name="Snapshot">The record's snapshot (key and JSON).</param>
public sealed record PollSource<T>(
    string CheckpointName,
    WorkItemKind Kind,
    int BatchSize,
    Func<PeopleSoftCheckpoint?, CancellationToken, IAsyncEnumerable<PeopleSoftReadResult<T>>> Read,
    Func<T, SourceSnapshot> Snapshot)
    where T : class;

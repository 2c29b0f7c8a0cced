using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Sync.Polling;

/// <summary>What one page of a poll read.</summary>
/// <param name="Counts">Records seen, and rows parked because they could not be read.</param>
/// <param name="More">True when records follow this page: the flow reads the next page after this one's work is done.</param>
public sealed record PollPageResult(RunCounts Counts, bool More);

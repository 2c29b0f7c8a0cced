using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Work.Steps;

/// <summary>The body of PollVouchers: read vouchers approved since the checkpoint, enqueue work items, move the checkpoint.</summary>
public interface IVoucherPoll
{
    /// <summary>Polls once; returns the counts known when polling ends (at least <see cref="RunCounts.Seen"/>).</summary>
    Task<RunCounts> PollAsync(RunContext run, CancellationToken cancellationToken = default);
}

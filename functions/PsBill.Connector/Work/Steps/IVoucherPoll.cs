using PsBill.Connector.Sync.Polling;

namespace PsBill.Connector.Work.Steps;

/// <summary>The body of PollVouchers: read vouchers approved since the checkpoint, enqueue work items, move the checkpoint.</summary>
public interface IVoucherPoll
{
    /// <summary>Reads one page, handing its work to the ambient <see cref="IWorkSink"/>; returns its counts and whether more pages follow.</summary>
    Task<PollPageResult> PollAsync(RunContext run, CancellationToken cancellationToken = default);

    /// <summary>What follows the last page once its work is done (records parked for a vendor sent again, and so on),
    /// its work handed to the ambient <see cref="IWorkSink"/>.</summary>
    Task FinishAsync(RunContext run, CancellationToken cancellationToken = default);
}

using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Work.Steps;

/// <summary>The body of PollPayments: read BILL payments changed since the checkpoint (the safety net for lost webhooks), enqueue settlement items.</summary>
public interface IPaymentPoll
{
    /// <summary>Polls once; returns the counts known when polling ends (at least <see cref="RunCounts.Seen"/>).</summary>
    Task<RunCounts> PollAsync(RunContext run, CancellationToken cancellationToken = default);
}

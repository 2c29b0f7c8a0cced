using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Polling;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RunFlowStep"/>: one page of a flow's step, its work collected rather than sent, and
/// returned to the orchestration with the checkpoints to save after it. A step whose component is not configured fails
/// loudly (the run records "not configured"), never as an empty success.
/// </summary>
public sealed partial class RunFlowStepActivity(IServiceProvider services, TimeProvider time, ILogger<RunFlowStepActivity> logger)
{
    /// <summary>The activity body.</summary>
    public async Task<FlowStepResult> RunAsync(FlowStepInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = new RunContext(input.RunId, input.Flow, time.GetUtcNow(),
            ReadAfter: input.After?.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal));
        var started = time.GetTimestamp();
        var work = new CollectedWork();
        PollPageResult page;
        using (FlowOrchestration.CallsBill(input.Flow) ? BillSlotScope.Enter() : null)
        using (AmbientWorkSink.Use(work))
        {
            page = input.Finish ? await FinishAsync(input.Flow, run, cancellationToken).ConfigureAwait(false) : input.Flow switch
            {
                FunctionNames.SyncReferenceData => Whole(await Step<IReferenceDataSync>(input.Flow).SyncAsync(run, cancellationToken).ConfigureAwait(false)),
                FunctionNames.PollSuppliers => await Step<ISupplierPoll>(input.Flow).PollAsync(run, cancellationToken).ConfigureAwait(false),
                FunctionNames.PollVouchers => await Step<IVoucherPoll>(input.Flow).PollAsync(run, cancellationToken).ConfigureAwait(false),
                FunctionNames.PollPayments => Whole(await Step<IPaymentPoll>(input.Flow).PollAsync(run, cancellationToken).ConfigureAwait(false)),
                _ => throw new ArgumentException($"No flow is called '{input.Flow}' (known: {string.Join(", ", FunctionNames.Flows)}).", nameof(input)),
            };
        }

        LogRan(logger, input.Flow, input.RunId, input.Page, page.Counts.Seen, work.Items.Count, page.More, time.GetElapsedTime(started).TotalMilliseconds);
        return new FlowStepResult(
            work.Items,
            work.Checkpoints.Select(c => new CheckpointValue(c.Name, c.Value, run.ReadAfter?.GetValueOrDefault(c.Name))).ToList(),
            page.Counts.Seen, page.Counts.Parked, page.More);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Flow} run {RunId} page {Page}: {Seen} records, {ItemCount} work items, more: {More}, in {Milliseconds:F0} ms")]
    private static partial void LogRan(ILogger logger, string flow, string runId, int page, int seen, int itemCount, bool more, double milliseconds);

    private static PollPageResult Whole(RunCounts counts) => new(counts, More: false);

    /// <summary>What follows a poll's last page (see <see cref="FlowOrchestration.ReadsPages"/>).</summary>
    private async Task<PollPageResult> FinishAsync(string flow, RunContext run, CancellationToken cancellationToken)
    {
        var poll = flow switch
        {
            FunctionNames.PollSuppliers => Step<ISupplierPoll>(flow).FinishAsync(run, cancellationToken),
            FunctionNames.PollVouchers => Step<IVoucherPoll>(flow).FinishAsync(run, cancellationToken),
            _ => throw new ArgumentException($"{flow} has no step after its last page.", nameof(flow)),
        };
        await poll.ConfigureAwait(false);
        return Whole(RunCounts.None);
    }

    private TStep Step<TStep>(string flow) where TStep : class =>
        services.GetService<TStep>() ?? throw new StepNotConfiguredException(flow, typeof(TStep));
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Diagnostics.Telemetry;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.SettlePayments"/>: the PeopleSoft half of a payment work item, without a BillGate
/// slot: the payments a payment item's <see cref="RunWorkItemActivity"/> read on the slot are settled (<see cref="PaymentSettlementHandler.SettleAsync"/>).
/// It makes no BILL call (<see cref="BillSlotScope.Forbid"/> turns one into an error rather than a fourth call in flight).
/// Runs at least once: the ledger makes a repeat post nothing. A replayed key that gets done leaves the failures table.
/// </summary>
public sealed partial class SettlePaymentsActivity(IServiceScopeFactory scopes, FailedItemStore failures, TimeProvider time, ILogger<SettlePaymentsActivity> logger)
{
    /// <summary>The activity body.</summary>
    public async Task<WorkItemResult> RunAsync(SettleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = input.Item;
        var started = time.GetTimestamp();
        WorkOutcome outcome;
        await using (var scope = scopes.CreateAsyncScope())
        using (BillSlotScope.Forbid(FunctionNames.Activities.SettlePayments))
        {
            var handler = scope.ServiceProvider.GetRequiredService<WorkDispatcher>().HandlerFor(item.Kind) as PaymentSettlementHandler
                          ?? throw new StepNotConfiguredException(FunctionNames.Activities.SettlePayments, typeof(PaymentSettlementHandler));
            outcome = await handler.SettleAsync(item, input.Reads, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Kind == WorkOutcomeKind.Failed)
            PsBillTelemetry.RecordsFailed.Add(item.Keys.Count, new KeyValuePair<string, object?>(PsBillTelemetry.Tags.Kind, item.Kind.Value));
        LogSettled(logger, item.Keys[0], item.Keys.Count, outcome.Kind.ToString(), time.GetElapsedTime(started).TotalMilliseconds);
        if (item.Replay && outcome.Kind is WorkOutcomeKind.Done or WorkOutcomeKind.Parked)
            foreach (var key in item.Keys) await failures.ClearAsync(key, cancellationToken).ConfigureAwait(false);
        return WorkItemResult.From(outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settled {FirstKey} ({KeyCount} keys): {Outcome} in {Milliseconds:F0} ms")]
    private static partial void LogSettled(ILogger logger, string firstKey, int keyCount, string outcome, double milliseconds);
}

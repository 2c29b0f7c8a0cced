using Microsoft.Azure.WebJobs;
using PsBill.Cli.Hosting.Standalone.Functions;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>The classes <c>psbill run</c> takes functions from: exactly these, not whatever a type scan of the process finds.</summary>
public sealed class StandaloneFunctionTypes : ITypeLocator
{
    /// <summary>The function classes: timers, orchestrators, activities, the entities, and the client binder.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(SyncReferenceDataTimer), typeof(PollSuppliersTimer), typeof(PollVouchersTimer), typeof(PollPaymentsTimer), typeof(CheckAlertsTimer),
        typeof(SyncReferenceDataFlowOrchestrator), typeof(PollSuppliersFlowOrchestrator), typeof(PollVouchersFlowOrchestrator), typeof(PollPaymentsFlowOrchestrator),
        typeof(BillLaneOrchestrator), typeof(SettlePaymentOrchestrator), typeof(SettlementLaneOrchestrator), typeof(ReplayOrchestrator),
        typeof(StartRunFunction), typeof(RunFlowStepFunction), typeof(RunWorkItemFunction), typeof(RunWorkItemsFunction), typeof(RecordResultsFunction), typeof(SaveCheckpointsFunction), typeof(RecordFailuresFunction), typeof(CompleteRunFunction),
        typeof(ReadBillForTieOutFunction), typeof(TieOutFunction),
        typeof(BillGateFunction), typeof(SettlementQueueFunction), typeof(DurableClientFunction),
    ];

    /// <summary>Without the timers (<c>PsBill__Standalone__RunTimers=false</c>: the sandbox and tests start flows themselves).</summary>
    public static IReadOnlyList<Type> WithoutTimers { get; } = All.Where(t => !t.Name.EndsWith("Timer", StringComparison.Ordinal)).ToList();

    private readonly IReadOnlyList<Type> _types;

    /// <param name="includeTimers">Whether the timer functions run.</param>
    public StandaloneFunctionTypes(bool includeTimers) => _types = includeTimers ? All : WithoutTimers;

    /// <inheritdoc />
    public IReadOnlyList<Type> GetTypes() => _types;
}

using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>How one work item ended, as the orchestration sees it (a <see cref="WorkOutcome"/> made serializable).</summary>
/// <param name="Kind">Done, parked, retry later or failed.</param>
/// <param name="Reason">Why (retry, park, failure).</param>
/// <param name="RetryAfter">For retry later: how long to wait.</param>
/// <param name="RetryKeys">For retry later: the keys that go again (null = all).</param>
/// <param name="Unrecorded">Create results the item's BILL call produced, for <see cref="FunctionNames.Activities.RecordResults"/>
/// to write outside the BILL slot.</param>
public sealed record WorkItemResult(WorkOutcomeKind Kind, string? Reason = null, TimeSpan RetryAfter = default, IReadOnlyList<string>? RetryKeys = null,
    IReadOnlyList<CreateResult>? Unrecorded = null)
{
    /// <summary>From a handler's outcome and the create results it left to record.</summary>
    public static WorkItemResult From(WorkOutcome outcome, IReadOnlyList<CreateResult>? unrecorded = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new WorkItemResult(outcome.Kind, outcome.Reason, outcome.RetryAfter, outcome.RetryKeys, unrecorded is { Count: > 0 } ? unrecorded : null);
    }

    /// <summary>The activity failed after every attempt.</summary>
    public static WorkItemResult Failed(string reason) => new(WorkOutcomeKind.Failed, reason);
}

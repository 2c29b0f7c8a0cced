using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>How one work item ended, as the orchestration sees it (a <see cref="WorkOutcome"/> made serializable).</summary>
/// <param name="Kind">Done, parked, retry later or failed.</param>
/// <param name="Reason">Why (retry, park, failure).</param>
/// <param name="RetryAfter">For retry later: how long to wait.</param>
/// <param name="RetryKeys">For retry later: the keys that go again (null = all).</param>
public sealed record WorkItemResult(WorkOutcomeKind Kind, string? Reason = null, TimeSpan RetryAfter = default, IReadOnlyList<string>? RetryKeys = null)
{
    /// <summary>From a handler's outcome.</summary>
    public static WorkItemResult From(WorkOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new WorkItemResult(outcome.Kind, outcome.Reason, outcome.RetryAfter, outcome.RetryKeys);
    }

    /// <summary>The activity failed after every attempt.</summary>
    public static WorkItemResult Failed(string reason) => new(WorkOutcomeKind.Failed, reason);
}

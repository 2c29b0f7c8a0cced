namespace PsBill.Connector.Work;

/// <summary>What a <see cref="IWorkItemHandler"/> decided about an item. Built with the factory methods.</summary>
public sealed record WorkOutcome
{
    private WorkOutcome(WorkOutcomeKind kind, string? reason, TimeSpan retryAfter, IReadOnlyList<string>? retryKeys)
    {
        Kind = kind;
        Reason = reason;
        RetryAfter = retryAfter;
        RetryKeys = retryKeys;
    }

    /// <summary>The decision.</summary>
    public WorkOutcomeKind Kind { get; }

    /// <summary>Why (for retry, park and failure), in plain words for the operator.</summary>
    public string? Reason { get; }

    /// <summary>For <see cref="WorkOutcomeKind.RetryLater"/>: how long to wait.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>For <see cref="WorkOutcomeKind.RetryLater"/>: only these keys go back (the rest of the batch is done); null = all.</summary>
    public IReadOnlyList<string>? RetryKeys { get; }

    /// <summary>All done.</summary>
    public static WorkOutcome Done() => new(WorkOutcomeKind.Done, null, TimeSpan.Zero, null);

    /// <summary>The records are parked (the handler recorded the park in the ledger and the audit trail).</summary>
    public static WorkOutcome Parked(string reason) => new(WorkOutcomeKind.Parked, Required(reason), TimeSpan.Zero, null);

    /// <summary>Run again after <paramref name="after"/>; optionally only some keys of a batch.</summary>
    public static WorkOutcome RetryLater(TimeSpan after, string reason, IReadOnlyList<string>? onlyKeys = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero);
        // Azure Storage hides a message for at most 7 days.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(after, TimeSpan.FromDays(7));
        if (onlyKeys is { Count: 0 }) throw new ArgumentException("Retry at least one key, or pass null to retry all.", nameof(onlyKeys));
        return new WorkOutcome(WorkOutcomeKind.RetryLater, Required(reason), after, onlyKeys);
    }

    /// <summary>Cannot be processed: to the poison queue.</summary>
    public static WorkOutcome Failed(string reason) => new(WorkOutcomeKind.Failed, Required(reason), TimeSpan.Zero, null);

    private static string Required(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}

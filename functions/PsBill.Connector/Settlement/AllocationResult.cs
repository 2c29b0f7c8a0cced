namespace PsBill.Connector.Settlement;

/// <summary>How settling one allocation (<see cref="Key"/>) ended, and why.</summary>
public sealed record AllocationResult(string Key, AllocationResultKind Kind, string? Reason = null, TimeSpan RetryAfter = default)
{
    /// <summary>A result that needs another attempt.</summary>
    public static AllocationResult Retry(string key, TimeSpan after, string reason) => new(key, AllocationResultKind.RetryLater, reason, after);
}

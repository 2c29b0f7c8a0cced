namespace PsBill.Connector.Storage.Failures;

/// <summary>A key whose work could not be done after every retry: it needs an operator (replay once the cause is fixed).</summary>
/// <param name="Key">The source key.</param>
/// <param name="Reason">Why, in plain words (the last error or "retry later" reason).</param>
/// <param name="At">When it was recorded.</param>
/// <param name="RunId">The run it belonged to, if any.</param>
public sealed record FailedItem(string Key, string Reason, DateTimeOffset At, string? RunId);

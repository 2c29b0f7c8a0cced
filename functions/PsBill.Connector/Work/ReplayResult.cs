namespace PsBill.Connector.Work;

/// <summary>What a replay did.</summary>
/// <param name="Replayed">Keys put back on the work queue.</param>
/// <param name="Unknown">Keys the ledger does not know (nothing to replay).</param>
public sealed record ReplayResult(IReadOnlyList<string> Replayed, IReadOnlyList<string> Unknown);

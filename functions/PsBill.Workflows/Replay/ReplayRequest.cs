namespace PsBill.Workflows.Replay;

/// <summary>What to run again: exactly one of keys, a run, the parked items, the failed items.</summary>
/// <param name="Keys">Ledger keys (<c>voucher:US001:00012345</c>).</param>
/// <param name="RunId">Every item of a run.</param>
/// <param name="Parked">Every parked item.</param>
/// <param name="Failed">Every failed item.</param>
public sealed record ReplayRequest(IReadOnlyList<string>? Keys = null, string? RunId = null, bool Parked = false, bool Failed = false)
{
    /// <summary>Why the request cannot run, or null.</summary>
    public string? Problem =>
        (Keys is { Count: > 0 } ? 1 : 0) + (RunId is null ? 0 : 1) + (Parked ? 1 : 0) + (Failed ? 1 : 0) == 1
            ? null
            : "Give exactly one of: item keys, a run, parked, failed.";
}

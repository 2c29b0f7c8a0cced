namespace PsBill.Functions.Cli;

/// <summary>What <c>psbill replay</c> was asked to replay: exactly one of keys, a run, the parked items, the failed items.</summary>
internal sealed record ReplayRequest(IReadOnlyList<string> Keys, string? RunId, bool Parked, bool Failed)
{
    /// <summary>Why the request cannot run, or null.</summary>
    public string? Problem =>
        (Keys.Count > 0 ? 1 : 0) + (RunId is null ? 0 : 1) + (Parked ? 1 : 0) + (Failed ? 1 : 0) == 1
            ? null
            : "Give exactly one of: item keys, --run RUN, --parked, --failed.";
}

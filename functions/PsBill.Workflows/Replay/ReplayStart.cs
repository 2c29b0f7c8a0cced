namespace PsBill.Workflows.Replay;

/// <summary>What a replay started.</summary>
/// <param name="InstanceId">The Replay orchestration, or null when there was nothing to run.</param>
/// <param name="Replayed">Keys it runs again.</param>
/// <param name="Unknown">Keys (or a run) nobody knows: nothing to replay.</param>
public sealed record ReplayStart(string? InstanceId, IReadOnlyList<string> Replayed, IReadOnlyList<string> Unknown);

namespace PsBill.Workflows.Gate;

/// <summary>What a BillGate slot keeps. The lock itself is the engine's; this is only for display.</summary>
public sealed record BillGateState
{
    /// <summary>When the slot entity was first used.</summary>
    public DateTimeOffset? Since { get; init; }
}

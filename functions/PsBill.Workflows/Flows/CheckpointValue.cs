namespace PsBill.Workflows.Flows;

/// <summary>A checkpoint to save: its name and new value.</summary>
public sealed record CheckpointValue(string Name, string Value);

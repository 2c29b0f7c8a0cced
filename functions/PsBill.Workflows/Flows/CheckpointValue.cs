namespace PsBill.Workflows.Flows;

/// <summary>A checkpoint to save: its name and new value.</summary>
/// <param name="Name">The checkpoint's name.</param>
/// <param name="Value">The new value.</param>
/// <param name="From">For a page read ahead: the value the page started after. The save happens only while that is still the
/// stored value, so a restarted old instance (its input holds a page read long ago) never moves a checkpoint back. Null: no check.</param>
public sealed record CheckpointValue(string Name, string Value, string? From = null);

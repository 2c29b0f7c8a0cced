using Microsoft.Extensions.Logging;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.SaveCheckpoints"/>: moves checkpoints once the work before them is done. The flows
/// are singletons, so a conflict means the same save ran twice (an activity runs at least once): read again and save. A page
/// read ahead saves only from the position it was read after (<see cref="CheckpointValue.From"/>).
/// </summary>
public sealed partial class SaveCheckpointsActivity(CheckpointStore checkpoints, ILogger<SaveCheckpointsActivity> logger)
{
    /// <summary>The activity body.</summary>
    public async Task<int> RunAsync(IReadOnlyList<CheckpointValue> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            for (var attempt = 0; ; attempt++)
            {
                var current = await checkpoints.GetAsync(value.Name, cancellationToken).ConfigureAwait(false);
                if (current?.Value == value.Value) break;
                if (value.From is not null && current?.Value != value.From)
                {
                    // The page was read ahead from a position the checkpoint has since left (a restarted old instance).
                    LogMovedOn(logger, value.Name, value.From, current?.Value);
                    break;
                }
                try
                {
                    await checkpoints.SaveAsync(current is null ? new Checkpoint(value.Name, value.Value) : current with { Value = value.Value }, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                    // Saved meanwhile by a repeat of this activity: read it again.
                }
            }
        }
        return values.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint {Name} not moved: its page was read after {From}, but the checkpoint is now {Current}")]
    private static partial void LogMovedOn(ILogger logger, string name, string from, string? current);
}

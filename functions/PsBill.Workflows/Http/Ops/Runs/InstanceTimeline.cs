using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace PsBill.Workflows.Http.Ops.Runs;

/// <summary>
/// An instance's timeline from its history, read through the Durable client (what Durable Functions Monitor shows as the
/// history): each scheduled step paired with its completion by the scheduled event's id.
/// </summary>
public static class InstanceTimeline
{
    /// <summary>The timeline of <paramref name="instanceId"/>, oldest first.</summary>
    /// <exception cref="ArgumentException">No such instance.</exception>
    public static async Task<IReadOnlyList<TimelineRow>> ReadAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var history = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return Of(history);
    }

    /// <summary>The rows of a history.</summary>
    public static IReadOnlyList<TimelineRow> Of(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rows = new List<TimelineRow>();
        var open = new Dictionary<int, int>(); // scheduled event id -> row index
        foreach (var e in history)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc));
            switch (e)
            {
                case ExecutionStartedEvent started:
                    rows.Add(new TimelineRow("started", started.Name, at, at, 0, "ok", 1, null));
                    break;
                case TaskScheduledEvent scheduled:
                    open[scheduled.EventId] = rows.Count;
                    rows.Add(new TimelineRow("activity", scheduled.Name ?? "", at, null, null, "running", AttemptOf(rows, "activity", scheduled.Name), null));
                    break;
                case SubOrchestrationInstanceCreatedEvent created:
                    open[created.EventId] = rows.Count;
                    rows.Add(new TimelineRow("suborchestration", created.Name ?? "", at, null, null, "running", AttemptOf(rows, "suborchestration", created.Name), created.InstanceId));
                    break;
                case TimerCreatedEvent timer:
                    open[timer.EventId] = rows.Count;
                    rows.Add(new TimelineRow("timer", "timer", at, null, null, "waiting", 1, $"until {timer.FireAt:O}"));
                    break;
                case TaskCompletedEvent done: Close(rows, open, done.TaskScheduledId, at, "ok", null); break;
                case TaskFailedEvent failed: Close(rows, open, failed.TaskScheduledId, at, "failed", failed.FailureDetails?.ErrorMessage ?? failed.Reason); break;
                case SubOrchestrationInstanceCompletedEvent done: Close(rows, open, done.TaskScheduledId, at, "ok", null); break;
                case SubOrchestrationInstanceFailedEvent failed: Close(rows, open, failed.TaskScheduledId, at, "failed", failed.FailureDetails?.ErrorMessage ?? failed.Reason); break;
                case TimerFiredEvent fired: Close(rows, open, fired.TimerId, at, "fired", null); break;
                case ContinueAsNewEvent:
                    rows.Add(new TimelineRow("continuedAsNew", "continue as new", at, at, 0, "ok", 1, "the next page runs as a new execution of the same instance"));
                    break;
                case ExecutionCompletedEvent completed:
                    rows.Add(new TimelineRow("completed", completed.OrchestrationStatus.ToString(), at, at, 0, completed.OrchestrationStatus.ToString(), 1, completed.FailureDetails?.ErrorMessage));
                    break;
                case ExecutionTerminatedEvent terminated:
                    rows.Add(new TimelineRow("terminated", "terminated", at, at, 0, "Terminated", 1, terminated.Input));
                    break;
                case EventRaisedEvent raised:
                    rows.Add(new TimelineRow("event", raised.Name ?? "", at, at, 0, "ok", 1, null));
                    break;
            }
        }
        return rows;
    }

    private static void Close(List<TimelineRow> rows, Dictionary<int, int> open, int scheduledId, DateTimeOffset at, string outcome, string? detail)
    {
        if (!open.Remove(scheduledId, out var index)) return;
        var row = rows[index];
        rows[index] = row with { EndedAt = at, DurationMs = Math.Round((at - row.StartedAt).TotalMilliseconds), Outcome = outcome, Detail = detail ?? row.Detail };
    }

    // A step scheduled again right after the same step failed is a retry.
    private static int AttemptOf(List<TimelineRow> rows, string kind, string? name)
    {
        var attempt = 1;
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            if (row.Kind == "timer") continue;
            if (row.Kind != kind || row.Name != name || row.Outcome != "failed") break;
            attempt++;
        }
        return attempt;
    }
}

namespace PsBill.Workflows.Http.Ops.Runs;

/// <summary>One step of an orchestration instance, from its history: an activity, a sub-orchestration, a timer, the
/// instance's own start and end.</summary>
/// <param name="Kind">activity, suborchestration, timer, started, completed, continuedAsNew, terminated, event.</param>
/// <param name="Name">The activity or orchestrator name (the sub-orchestration's instance id in <paramref name="Detail"/>).</param>
/// <param name="StartedAt">When it was scheduled.</param>
/// <param name="EndedAt">When its result came back (null while it runs).</param>
/// <param name="DurationMs">The time between the two.</param>
/// <param name="Outcome">ok, failed, running, fired, or the instance's status.</param>
/// <param name="Attempt">1, or n when the same step failed n-1 times just before (a retry).</param>
/// <param name="Detail">The failure, the timer's due time, the sub-orchestration's instance id.</param>
public sealed record TimelineRow(string Kind, string Name, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, double? DurationMs, string Outcome, int Attempt, string? Detail);

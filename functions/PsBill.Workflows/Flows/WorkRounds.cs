using Microsoft.DurableTask;
using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>
/// Fan-out and fan-in of work items over the BillGate: the items are dealt round-robin into at most one lane per slot
/// (<see cref="BillLaneOrchestration"/>, sub-orchestrations, because one orchestration holds one critical section at a
/// time; a single lane runs in this orchestration itself), the lanes run in parallel, and what comes back as "retry later" runs again in a new round after a durable
/// timer, up to <see cref="WorkSettings.MaxRetries"/> rounds; then, and for items that failed, the keys are recorded as
/// failed (never dropped). Called from orchestrator code: deterministic, no I/O.
/// </summary>
public static class WorkRounds
{
    /// <summary>
    /// Added to every wait. The Azure Storage provider sends a timer as a queue message whose visibility delay is whole
    /// seconds, cut down, so a timer fires up to a second early: in the tests a 1 s timer fired after 40 ms, and a claim
    /// waited "until it expires" was looked at just before, again and again, until the item's retries ran out.
    /// </summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromSeconds(1);

    /// <summary>Runs one round of items; returns one result per item, in the items' order.</summary>
    public delegate Task<IReadOnlyList<WorkItemResult>> RoundRunner(IReadOnlyList<WorkItem> items);

    /// <summary>
    /// Runs <paramref name="items"/> to the end; returns the tally. Each round runs on lanes of this orchestration's own
    /// unless <paramref name="runRound"/> says otherwise (a webhook's settlement goes through the settlement queue).
    /// </summary>
    public static async Task<WorkTally> RunAsync(TaskOrchestrationContext context, IReadOnlyList<WorkItem> items, string gateKey, WorkSettings work, string? runId, RoundRunner? runRound = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        var tally = new WorkTally();
        var pending = items.ToList();
        var start = Gate.BillGateSlots.StartFor(context.InstanceId, work.Slots);
        runRound ??= round => RunOnLanesAsync(context, round, gateKey, work, start);
        while (pending.Count > 0)
        {
            var results = await runRound(pending);

            // A round returns once its create results are written (BillLaneOrchestration): a retry or the checkpoint below comes after them.
            var next = new List<WorkItem>();
            var failures = new List<FailedWork>();
            var wait = TimeSpan.Zero;
            for (var i = 0; i < pending.Count; i++)
            {
                var item = pending[i];
                var result = results[i];
                switch (result.Kind)
                {
                    case WorkOutcomeKind.Done:
                        tally.Done++;
                        break;
                    case WorkOutcomeKind.Parked:
                        tally.Parked++;
                        break;
                    case WorkOutcomeKind.RetryLater when item.Attempt < work.MaxRetries:
                        next.Add(item with { Attempt = item.Attempt + 1, Keys = result.RetryKeys ?? item.Keys });
                        wait = result.RetryAfter > wait ? result.RetryAfter : wait;
                        tally.Retried++;
                        break;
                    case WorkOutcomeKind.RetryLater:
                        failures.Add(new FailedWork(result.RetryKeys ?? item.Keys, $"gave up after {item.Attempt} retries; last reason: {result.Reason}", runId ?? item.RunId));
                        break;
                    default:
                        failures.Add(new FailedWork(item.Keys, result.Reason ?? "failed", runId ?? item.RunId));
                        break;
                }
            }

            if (failures.Count > 0)
            {
                tally.Failed += failures.Sum(f => f.Keys.Count);
                await context.CallActivityAsync(FunctionNames.Activities.RecordFailures, failures, RetryOptions.For(work));
            }
            if (next.Count > 0)
            {
                context.SetCustomStatus(new { waiting = next.Sum(n => n.Keys.Count), until = context.CurrentUtcDateTime + wait });
                await context.CreateTimer(context.CurrentUtcDateTime + wait + TimerSlack, CancellationToken.None);
            }
            pending = next;
        }
        return tally;
    }

    /// <summary>
    /// One round on this orchestration's own lanes: the items dealt round-robin into at most one lane per slot, the lanes
    /// run in parallel (a single lane in this orchestration itself), the results put back in the items' order.
    /// </summary>
    private static async Task<IReadOnlyList<WorkItemResult>> RunOnLanesAsync(TaskOrchestrationContext context, IReadOnlyList<WorkItem> pending, string gateKey, WorkSettings work, int start)
    {
        var laneCount = Math.Min(work.Slots, pending.Count);
        var lanes = Enumerable.Range(0, laneCount).Select(_ => new List<WorkItem>()).ToList();
        for (var i = 0; i < pending.Count; i++) lanes[i % laneCount].Add(pending[i]);
        // Lane ids name their flow (PollVouchers-lane-...), so Durable Functions Monitor and the ops page group them.
        var results = laneCount == 1
            ? [await BillLaneOrchestration.RunItemsAsync(context, new LaneInput(gateKey, start % work.Slots, lanes[0], work))]
            : await Task.WhenAll(lanes.Select((lane, i) => context.CallSubOrchestratorAsync<IReadOnlyList<WorkItemResult>>(
                FunctionNames.Orchestrators.BillLane, new LaneInput(gateKey, (start + i) % work.Slots, lane, work),
                new SubOrchestrationOptions((TaskRetryOptions?)null, $"{context.InstanceId}-lane-{context.NewGuid():N}"))));
        return pending.Select((_, i) => results[i % laneCount][i / laneCount]).ToList();
    }
}

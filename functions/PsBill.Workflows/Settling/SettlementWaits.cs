using Microsoft.DurableTask;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Settling;

/// <summary>
/// The settlement orchestration's side of the <see cref="SettlementQueue"/>: it queues its payment and waits for the lane's
/// answer. If none comes within <see cref="LaneTimeout"/> (a lane that ended without answering), it queues the payment
/// again and lanes are started anew: the ledger keeps a payment settled twice from posting twice.
/// </summary>
public static class SettlementWaits
{
    /// <summary>Longer than a lane takes for a full queue, retries included.</summary>
    public static readonly TimeSpan LaneTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A <see cref="WorkRounds.RoundRunner"/> that runs the round's items through the queue.</summary>
    public static WorkRounds.RoundRunner ThroughQueue(TaskOrchestrationContext context, string gateKey, WorkSettings work) =>
        items => RunAsync(context, items, gateKey, work);

    private static async Task<IReadOnlyList<WorkItemResult>> RunAsync(TaskOrchestrationContext context, IReadOnlyList<WorkItem> items, string gateKey, WorkSettings work)
    {
        var queue = SettlementQueue.For(gateKey);
        var entries = items.Select(item => new QueuedSettlement(context.InstanceId, $"settled-{context.NewGuid():N}", item, work)).ToList();
        foreach (var entry in entries) await context.Entities.SignalEntityAsync(queue, nameof(SettlementQueue.Enqueue), entry);
        var results = new List<WorkItemResult>(entries.Count);
        foreach (var entry in entries)
        {
            while (true)
            {
                try
                {
                    results.Add(await context.WaitForExternalEvent<WorkItemResult>(entry.Ticket, LaneTimeout));
                    break;
                }
                catch (OperationCanceledException)
                {
                    context.SetCustomStatus(new { requeued = entry.Item.Keys, after = LaneTimeout });
                    await context.Entities.SignalEntityAsync(queue, nameof(SettlementQueue.Requeue), entry);
                }
            }
        }
        return results;
    }
}

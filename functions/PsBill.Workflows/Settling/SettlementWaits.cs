using Microsoft.DurableTask;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Settling;

/// <summary>
/// The settlement orchestration's side of the <see cref="SettlementQueue"/>: it queues its payment and waits for the lane's
/// answer, an event named by a ticket that is new for every wait. No timer of its own: the queue finds a lost lane and
/// gives its batch to a new one, so an answer always comes.
/// </summary>
public static class SettlementWaits
{
    /// <summary>A <see cref="WorkRounds.RoundRunner"/> that runs the round's items through the queue.</summary>
    public static WorkRounds.RoundRunner ThroughQueue(TaskOrchestrationContext context, string gateKey, WorkSettings work) =>
        items => RunAsync(context, items, gateKey, work);

    private static async Task<IReadOnlyList<WorkItemResult>> RunAsync(TaskOrchestrationContext context, IReadOnlyList<WorkItem> items, string gateKey, WorkSettings work)
    {
        var queue = SettlementQueue.For(gateKey);
        var entries = items.Select(item => new QueuedSettlement(context.InstanceId, $"settled-{context.NewGuid():N}", item, work)).ToList();
        foreach (var entry in entries) await context.Entities.SignalEntityAsync(queue, nameof(SettlementQueue.Enqueue), entry);
        var results = new List<WorkItemResult>(entries.Count);
        foreach (var entry in entries) results.Add(await context.WaitForExternalEvent<WorkItemResult>(entry.Ticket));
        return results;
    }
}

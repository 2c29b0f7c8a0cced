using PsBill.Connector.Work;
using PsBill.Workflows.Flows;
using PsBill.Workflows.Settling;

namespace PsBill.Tests.Orchestration;

/// <summary>The settlement queue's bookkeeping: lanes per slot, batches in order, a lane's place passed on, lost lanes recovered.</summary>
public sealed class SettlementQueueStateTests
{
    private static readonly WorkSettings Work = new(MaxRetries: 3, ActivityAttempts: 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), Slots: 3);
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static QueuedSettlement Entry(int n) =>
        new($"settle-p{n}", $"settled-{n}", WorkItem.For($"payment:p{n}:b{n}"), Work);

    [Fact]
    public void Add_ABurst_StartsTwoLanesPerSlotThenQueuesTheRestInOrder()
    {
        var state = new SettlementQueueState();
        var started = Enumerable.Range(1, 50).SelectMany(n => state.Add(Entry(n), "gate", batchSize: 20, T0)).ToList();

        // The first six payments each found a slot with room and started a lane; the others wait, oldest first.
        Assert.Equal(6, started.Count);
        Assert.Equal([0, 1, 2, 0, 1, 2], started.Select(l => l.Slot));
        Assert.All(started, l => Assert.Single(l.Batch));
        Assert.Equal(started.Count, started.Select(l => l.InstanceId).Distinct().Count());
        Assert.Equal(44, state.Waiting.Count);
        Assert.Equal("settled-7", state.Waiting[0].Ticket);
    }

    [Fact]
    public void Finish_ALane_StartsOneNewLaneOnItsSlotWithTheOldestBatch()
    {
        var state = new SettlementQueueState();
        var started = Enumerable.Range(1, 50).SelectMany(n => state.Add(Entry(n), "gate", 20, T0)).ToList();

        var next = Assert.Single(state.Finish(started[1].InstanceId, "gate", 20, T0.AddSeconds(1)));

        Assert.Equal(started[1].Slot, next.Slot);
        Assert.Equal(Enumerable.Range(7, 20).Select(n => $"settled-{n}"), next.Batch.Select(e => e.Ticket));
        Assert.DoesNotContain(next.InstanceId, started.Select(l => l.InstanceId));
        Assert.Equal(24, state.Waiting.Count);
        Assert.Equal(6, state.Lanes.Count);
    }

    [Fact]
    public void Add_TheSameTicketTwice_QueuesItOnce()
    {
        var state = new SettlementQueueState();
        for (var n = 1; n <= 6; n++) state.Add(Entry(n), "gate", 20, T0);

        state.Add(Entry(7), "gate", 20, T0);
        state.Add(Entry(7), "gate", 20, T0);

        Assert.Single(state.Waiting);
    }

    [Fact]
    public void Recover_ALaneSilentPastTheTimeout_PutsItsBatchBackFirstAndStartsANewLane()
    {
        var state = new SettlementQueueState();
        var started = Enumerable.Range(1, 8).SelectMany(n => state.Add(Entry(n), "gate", 20, T0)).ToList();
        // Five lanes answer; the first never does.
        foreach (var lane in started.Skip(1)) state.Finish(lane.InstanceId, "gate", 20, T0.AddSeconds(2));
        Assert.Equal(T0 + SettlementQueueState.LaneTimeout, state.NextLossCheck());

        Assert.Empty(state.Recover("gate", 20, T0 + SettlementQueueState.LaneTimeout - TimeSpan.FromSeconds(1)));

        var again = state.Recover("gate", 20, T0 + SettlementQueueState.LaneTimeout);
        Assert.DoesNotContain(started[0].InstanceId, state.Lanes.Keys);
        Assert.Contains(again, l => l.Batch.Any(e => e.Ticket == started[0].Batch[0].Ticket));
        Assert.Empty(state.Waiting);
    }

    [Fact]
    public void Finish_OfALaneTakenAsLost_ChangesNothing()
    {
        var state = new SettlementQueueState();
        var lost = state.Add(Entry(1), "gate", 20, T0).Single();
        state.Recover("gate", 20, T0 + SettlementQueueState.LaneTimeout);
        var lanes = state.Lanes.Keys.ToList();

        Assert.Empty(state.Finish(lost.InstanceId, "gate", 20, T0 + SettlementQueueState.LaneTimeout));
        Assert.Equal(lanes, state.Lanes.Keys);
    }
}

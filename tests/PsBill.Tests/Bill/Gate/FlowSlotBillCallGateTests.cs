using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Gate;

namespace PsBill.Tests.Bill.Gate;

/// <summary>Inside an activity that holds a BillGate slot its BILL calls go one at a time; outside a flow the in-process limit applies.</summary>
public sealed class FlowSlotBillCallGateTests
{
    [Fact]
    public async Task EnterAsync_InsideASlotScope_LetsOneCallThroughAtATime()
    {
        using var gate = new FlowSlotBillCallGate(Options.Create(new BillGateOptions { SlotCount = 3 }));
        using (BillSlotScope.Enter())
        {
            var first = await gate.EnterAsync();
            // Parallel work inside the activity (Parallel.ForEachAsync) shares the scope and must wait.
            var second = Task.Run(async () => await gate.EnterAsync());
            await Task.Delay(100);
            Assert.False(second.IsCompleted);

            await first.DisposeAsync();
            await using var _ = await second.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task EnterAsync_InAScopeOpenedInsideAnother_SharesTheOuterSlot()
    {
        using var gate = new FlowSlotBillCallGate(Options.Create(new BillGateOptions { SlotCount = 3 }));
        using (BillSlotScope.Enter())
        {
            // A lane's batch: each item opens the scope again (RunWorkItemActivity) while the batch runs two side by side.
            var first = Task.Run(async () =>
            {
                using (BillSlotScope.Enter()) return await gate.EnterAsync();
            });
            var held = await first.WaitAsync(TimeSpan.FromSeconds(5));
            var second = Task.Run(async () =>
            {
                using (BillSlotScope.Enter()) return await gate.EnterAsync();
            });
            await Task.Delay(100);
            Assert.False(second.IsCompleted);

            await held.DisposeAsync();
            await (await second.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
        }
    }

    [Fact]
    public async Task EnterAsync_OutsideAFlow_AdmitsTheSlotCount()
    {
        using var gate = new FlowSlotBillCallGate(Options.Create(new BillGateOptions { SlotCount = 2 }));
        var one = await gate.EnterAsync();
        var two = await gate.EnterAsync();
        var three = gate.EnterAsync().AsTask();
        await Task.Delay(100);
        Assert.False(three.IsCompleted);

        await one.DisposeAsync();
        await (await three.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
        await two.DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_InAStepThatHoldsNoSlot_RefusesNamingTheStep()
    {
        using var gate = new FlowSlotBillCallGate(Options.Create(new BillGateOptions { SlotCount = 3 }));
        using (BillSlotScope.Forbid("RecordResults"))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await gate.EnterAsync());
            Assert.Contains("RecordResults holds no BillGate slot", refused.Message, StringComparison.Ordinal);
        }

        // Once the step is over, calls go through again.
        await (await gate.EnterAsync()).DisposeAsync();
    }
}

using PsBill.Connector.Work;
using PsBill.Tests.Hosting;

namespace PsBill.Tests.Work;

public sealed class WorkDispatcherTests
{
    private static readonly WorkContext Context = new("m1", 1, "i1");

    [Fact]
    public async Task DispatchAsync_KnownKind_RunsThatHandlerOnlyAndReturnsItsOutcome()
    {
        var vouchers = new RecordingWorkHandler(WorkItemKind.Voucher, (_, _, _) => Task.FromResult(WorkOutcome.Parked("account not mapped")));
        var suppliers = new RecordingWorkHandler(WorkItemKind.Supplier);
        var dispatcher = new WorkDispatcher([vouchers, suppliers]);

        var outcome = await dispatcher.DispatchAsync(WorkItem.For("voucher:US001:1"), Context);

        Assert.Equal((WorkOutcomeKind.Parked, "account not mapped"), (outcome.Kind, outcome.Reason));
        Assert.Single(vouchers.Calls);
        Assert.Empty(suppliers.Calls);
    }

    [Fact]
    public async Task DispatchAsync_KindWithoutHandler_FailsNamingTheKind()
    {
        var dispatcher = new WorkDispatcher([new RecordingWorkHandler(WorkItemKind.Voucher)]);

        var outcome = await dispatcher.DispatchAsync(new WorkItem { Kind = new WorkItemKind("invoice"), Keys = ["invoice:1"] }, Context);

        Assert.Equal(WorkOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("'invoice'", outcome.Reason);
        Assert.Contains("voucher", outcome.Reason);
    }

    [Fact]
    public void Constructor_TwoHandlersForOneKind_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new WorkDispatcher([new RecordingWorkHandler(WorkItemKind.Payment), new RecordingWorkHandler(WorkItemKind.Payment)]));

        Assert.Contains("'payment'", ex.Message);
    }

    [Fact]
    public void RetryLater_NoKeys_Throws()
    {
        Assert.Throws<ArgumentException>(() => WorkOutcome.RetryLater(TimeSpan.FromSeconds(1), "x", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkOutcome.RetryLater(TimeSpan.FromDays(8), "x"));
    }
}

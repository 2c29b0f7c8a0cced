using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;
using PsBill.Cli.Functions;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Functions;

public sealed class ProcessWorkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly FunctionContext Context = new(nameof(ProcessWork), "inv-1");

    private static QueueTriggerMessage Message(WorkItem item) => new(item.ToJson(), "msg-1", 1);

    private async Task<(ServiceProvider Services, RecordingWorkHandler Handler)> CreateAsync(Func<WorkItem, WorkContext, CancellationToken, Task<WorkOutcome>> behaviour, int maxRetries = 48)
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, behaviour);
        var configuration = TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Work:MaxRetries", maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var services = await TestServices.CreateAsync(azurite, configure: s => s.AddSingleton<IWorkItemHandler>(handler), configuration: configuration);
        return (services, handler);
    }

    private static async Task RunAsync(ServiceProvider services, QueueTriggerMessage message)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessWork>().RunAsync(message, Context, CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_HandlerDone_NothingRequeuedOrPoisoned()
    {
        var (services, handler) = await CreateAsync((_, _, _) => Task.FromResult(WorkOutcome.Done()));
        await using var _ = services;
        var storage = services.GetRequiredService<PsBillStorage>();

        await RunAsync(services, Message(WorkItem.For("voucher:US001:1")));

        var (_, context) = Assert.Single(handler.Calls);
        Assert.Equal(("msg-1", 1L, "inv-1"), (context.MessageId, context.DequeueCount, context.InvocationId));
        Assert.Empty((await storage.WorkQueue.PeekMessagesAsync(32)).Value);
        Assert.Empty((await storage.PoisonQueue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task RunAsync_RetryLaterForSomeKeys_RequeuesThoseDelayedWithAttemptCountedAndAudits()
    {
        var (services, _) = await CreateAsync((_, _, _) => Task.FromResult(WorkOutcome.RetryLater(TimeSpan.FromSeconds(2), "BDC_1322 too many requests", ["voucher:US001:2"])));
        await using var __ = services;
        var storage = services.GetRequiredService<PsBillStorage>();
        var item = new WorkItem { Kind = WorkItemKind.Voucher, Keys = ["voucher:US001:1", "voucher:US001:2"], RunId = null };

        await RunAsync(services, Message(item));

        Assert.Empty((await storage.WorkQueue.ReceiveMessagesAsync(32)).Value); // hidden for the delay
        var again = await Eventually.TrueAsync(async () => (await storage.WorkQueue.PeekMessagesAsync(32)).Value.Length == 1, TimeSpan.FromSeconds(10));
        Assert.True(again);
        var requeued = WorkItem.Parse((await storage.WorkQueue.PeekMessageAsync()).Value.MessageText);
        Assert.Equal((item.Id, 1), (requeued.Id, requeued.Attempt));
        Assert.Equal(["voucher:US001:2"], requeued.Keys);
        var trail = await services.GetRequiredService<AuditTrail>().ReadAsync("voucher:US001:2");
        Assert.Equal("work.retry", Assert.Single(trail).Step);
        Assert.Contains("BDC_1322", trail[0].Detail);
    }

    [Fact]
    public async Task RunAsync_RetryLaterBeyondMaxRetries_GoesToPoisonWithReason()
    {
        var (services, _) = await CreateAsync((_, _, _) => Task.FromResult(WorkOutcome.RetryLater(TimeSpan.Zero, "still rate limited")), maxRetries: 2);
        await using var __ = services;
        var queue = services.GetRequiredService<WorkQueue>();

        await RunAsync(services, Message(WorkItem.For("voucher:US001:1") with { Attempt = 2 }));

        var poison = Assert.Single(await queue.PeekPoisonAsync());
        Assert.Equal("gave up after 2 retries; last reason: still rate limited", poison.Reason);
        Assert.Empty((await services.GetRequiredService<PsBillStorage>().WorkQueue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task RunAsync_HandlerFailed_PoisonsAuditsEachKeyAndCountsFailedOnTheRun()
    {
        var (services, _) = await CreateAsync((_, _, _) => Task.FromResult(WorkOutcome.Failed("vendor is inactive in BILL")));
        await using var __ = services;
        var run = await services.GetRequiredService<RunStore>().StartAsync("PollVouchers");
        var item = new WorkItem { Kind = WorkItemKind.Voucher, Keys = ["voucher:US001:1", "voucher:US001:2"], RunId = run.Id };

        await RunAsync(services, Message(item));

        var poison = Assert.Single(await services.GetRequiredService<WorkQueue>().PeekPoisonAsync());
        Assert.Equal(("vendor is inactive in BILL", item.Id), (poison.Reason, poison.TryGetItem()!.Id));
        Assert.Equal("work.failed", Assert.Single(await services.GetRequiredService<AuditTrail>().ReadAsync("voucher:US001:2")).Step);
        Assert.Equal(2, (await services.GetRequiredService<RunStore>().GetAsync(run.Id))!.Counts.Failed);
    }

    [Fact]
    public async Task RunAsync_UnreadableMessage_PoisonedWithoutCallingAnyHandler()
    {
        var (services, handler) = await CreateAsync((_, _, _) => Task.FromResult(WorkOutcome.Done()));
        await using var __ = services;

        await RunAsync(services, new QueueTriggerMessage("{\"kind\":\"voucher\"", "m", 1));

        Assert.Empty(handler.Calls);
        var poison = Assert.Single(await services.GetRequiredService<WorkQueue>().PeekPoisonAsync());
        Assert.StartsWith("Unreadable work item", poison.Reason);
        Assert.Equal("{\"kind\":\"voucher\"", poison.Message);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ExceptionReachesTheHostForItsRetry()
    {
        var (services, _) = await CreateAsync((_, _, _) => throw new TimeoutException("table storage timed out"));
        await using var __ = services;

        await Assert.ThrowsAsync<TimeoutException>(() => RunAsync(services, Message(WorkItem.For("voucher:US001:1"))));
        Assert.Empty(await services.GetRequiredService<WorkQueue>().PeekPoisonAsync());
    }
}

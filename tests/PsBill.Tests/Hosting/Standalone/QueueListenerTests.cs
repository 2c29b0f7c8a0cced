using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Work;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting.Standalone;

/// <summary>The standalone queue trigger against Azurite: delivery, retry, poison, competing consumers, graceful stop.</summary>
public sealed class QueueListenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private StandaloneHost Host(string prefix, IWorkItemHandler handler, params (string Key, string Value)[] settings) =>
        StandaloneHost.Create(
            TestSettings.For(azurite, prefix, settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("PsBill:Standalone:RunTimers", "false"))),
            services => services.AddSingleton(handler));

    private static async Task<int> CountMessagesAsync(PsBillStorage storage, bool poison = false)
    {
        var properties = await (poison ? storage.PoisonQueue : storage.WorkQueue).GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount;
    }

    [Fact]
    public async Task Listener_ItemSucceeds_HandlerRunsOnceAndMessageIsDeleted()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher);
        await using var host = Host(AzuriteFixture.UniquePrefix(), handler);
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<PsBillStorage>();

        await host.Services.GetRequiredService<WorkQueue>().EnqueueAsync(WorkItem.For("voucher:US001:1"));

        Assert.True(await Eventually.TrueAsync(async () => !handler.Calls.IsEmpty && await CountMessagesAsync(storage) == 0));
        await host.StopAsync();
        Assert.Single(handler.Calls);
        Assert.Equal(0, await CountMessagesAsync(storage, poison: true));
    }

    [Fact]
    public async Task Listener_ItemThrowsEveryTime_RetriedUpToMaxDequeueCountThenPoisoned()
    {
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, (_, _, _) => throw new InvalidOperationException("boom"));
        await using var host = Host(AzuriteFixture.UniquePrefix(), handler, ("PsBill:Work:MaxDequeueCount", "3"));
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<PsBillStorage>();
        var item = WorkItem.For("voucher:US001:1");

        await host.Services.GetRequiredService<WorkQueue>().EnqueueAsync(item);

        Assert.True(await Eventually.TrueAsync(async () => await CountMessagesAsync(storage, poison: true) == 1));
        await host.StopAsync();
        Assert.Equal([1L, 2L, 3L], handler.Calls.Select(c => c.Context.DequeueCount));
        var poison = Assert.Single(await host.Services.GetRequiredService<WorkQueue>().PeekPoisonAsync());
        Assert.Equal(item.Id, poison.TryGetItem()!.Id);
        Assert.Equal($"{PoisonMessage.DequeueLimitReason} (3); last error: InvalidOperationException: boom", poison.Reason);
        Assert.Equal(0, await CountMessagesAsync(storage));
    }

    [Fact]
    public async Task TwoHosts_SharingOneQueueWithItemsLongerThanTheVisibilityTimeout_EachItemRunsOnceAndBothWork()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var byHost = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        RecordingWorkHandler HandlerFor(string name) => new(WorkItemKind.Voucher, async (item, _, token) =>
        {
            byHost.GetOrAdd(name, _ => []).Add(item.Keys[0]);
            // Longer than the visibility timeout: only the renewal (at half the timeout) keeps the other host away.
            // The timeout leaves 1.5 s of slack for a late renewal on a loaded 2-core CI machine.
            await Task.Delay(TimeSpan.FromMilliseconds(3500), token);
            return WorkOutcome.Done();
        });
        (string, string)[] settings = [("PsBill:Work:VisibilityTimeout", "00:00:03"), ("PsBill:Work:BatchSize", "4")];
        await using var first = Host(prefix, HandlerFor("first"), settings);
        await using var second = Host(prefix, HandlerFor("second"), settings);
        var storage = first.Services.GetRequiredService<PsBillStorage>();
        await storage.WorkQueue.CreateIfNotExistsAsync();
        var keys = Enumerable.Range(1, 16).Select(i => ItemKeys.Voucher("US001", i.ToString("D3"))).ToList();
        await first.Services.GetRequiredService<WorkQueue>().EnqueueBatchesAsync(WorkItemKind.Voucher, keys, 1);

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        Assert.True(await Eventually.TrueAsync(async () => byHost.Values.Sum(b => b.Count) >= keys.Count && await CountMessagesAsync(storage) == 0, TimeSpan.FromSeconds(30)));
        await Task.Delay(3200); // a message whose lease was lost would come back now
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        var processed = byHost.Values.SelectMany(b => b).ToList();
        Assert.Equal(keys, processed.Order(StringComparer.Ordinal));
        Assert.True(byHost.TryGetValue("first", out var a) && !a.IsEmpty, "the first host took no work");
        Assert.True(byHost.TryGetValue("second", out var b) && !b.IsEmpty, "the second host took no work");
    }

    [Fact]
    public async Task Stop_WhileItemRuns_ItemFinishesAndMessageIsDeleted()
    {
        var started = new TaskCompletionSource();
        var finished = false;
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, async (_, _, _) =>
        {
            started.TrySetResult();
            await Task.Delay(700, CancellationToken.None);
            finished = true;
            return WorkOutcome.Done();
        });
        await using var host = Host(AzuriteFixture.UniquePrefix(), handler);
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<PsBillStorage>();
        await host.Services.GetRequiredService<WorkQueue>().EnqueueAsync(WorkItem.For("voucher:US001:1"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await host.StopAsync();

        Assert.True(finished);
        Assert.Equal(0, await CountMessagesAsync(storage));
    }

    [Fact]
    public async Task Stop_ItemOutlastsTheShutdownTimeout_ItIsCancelledAndItsMessageIsVisibleAgainAtOnce()
    {
        var started = new TaskCompletionSource();
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, async (_, _, token) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return WorkOutcome.Done();
        });
        await using var host = Host(AzuriteFixture.UniquePrefix(), handler, ("PsBill:Standalone:ShutdownTimeout", "00:00:00.300"), ("PsBill:Work:VisibilityTimeout", "00:01:00"));
        await host.StartAsync();
        var storage = host.Services.GetRequiredService<PsBillStorage>();
        var item = WorkItem.For("voucher:US001:1");
        await host.Services.GetRequiredService<WorkQueue>().EnqueueAsync(item);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await host.StopAsync();

        var again = (await storage.WorkQueue.ReceiveMessageAsync()).Value;
        Assert.NotNull(again);
        Assert.Equal(item.Id, WorkItem.Parse(again.MessageText).Id);
        Assert.Equal(2, again.DequeueCount);
    }
}

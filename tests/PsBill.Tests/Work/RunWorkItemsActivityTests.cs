using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Work;
using PsBill.Tests.Hosting;
using PsBill.Workflows.Activities;

namespace PsBill.Tests.Work;

/// <summary>A lane's batch in one activity: items side by side, and an item that throws left to run again on its own.</summary>
public sealed class RunWorkItemsActivityTests
{
    [Fact]
    public async Task RunAsync_AnItemThrows_TheOthersFinish_ItAndThoseNotYetStartedComeBackToRunAlone()
    {
        // Four side by side: items 1-4 start, item 2 throws at once, so items 5 and 6 are not started (in a storage outage
        // they would only fail too); items 1, 3 and 4 finish.
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, async (item, _, token) =>
        {
            if (item.Keys[0] == "voucher:US001:2")
            {
                await Task.Delay(10, token);
                throw new InvalidOperationException("storage is down");
            }
            await Task.Delay(300, token);
            return WorkOutcome.Done();
        });
        var activity = Activity(handler);
        var items = Enumerable.Range(1, 6).Select(i => WorkItem.For($"voucher:US001:{i}")).ToList();

        var results = await activity.RunAsync(items, "invocation-1");

        Assert.Equal(6, results.Count);
        Assert.Equal([true, false, true, true, false, false], results.Select(r => r is { Kind: WorkOutcomeKind.Done }).ToArray());
        Assert.Equal(["voucher:US001:1", "voucher:US001:2", "voucher:US001:3", "voucher:US001:4"], handler.Calls.Select(c => c.Item.Keys[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ItemsSharingAKey_NeverRunAtTheSameTime()
    {
        var running = 0;
        var mostAtOnce = 0;
        var handler = new RecordingWorkHandler(WorkItemKind.Payment, async (_, _, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(50, token);
            Interlocked.Decrement(ref running);
            return WorkOutcome.Done();
        });
        var items = Enumerable.Range(0, 5).Select(_ => WorkItem.For("payment:pay-1")).ToList();

        var results = await Activity(handler).RunAsync(items, "invocation-2");

        Assert.All(results, r => Assert.Equal(WorkOutcomeKind.Done, r!.Kind));
        Assert.Equal(1, mostAtOnce);
        Assert.Equal(5, handler.Calls.Count);
    }

    private static RunWorkItemsActivity Activity(IWorkItemHandler handler)
    {
        var services = new ServiceCollection().AddSingleton(handler).AddScoped<WorkDispatcher>().BuildServiceProvider();
        // The failures table is touched only by replayed items; none here, so nothing reaches storage.
        const string connection = "UseDevelopmentStorage=true";
        var storage = new PsBillStorage(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection), new StorageNames("unused"));
        var single = new RunWorkItemActivity(services.GetRequiredService<IServiceScopeFactory>(), new FailedItemStore(storage, TimeProvider.System), TimeProvider.System, NullLogger<RunWorkItemActivity>.Instance);
        return new RunWorkItemsActivity(single, TimeProvider.System, NullLogger<RunWorkItemsActivity>.Instance);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

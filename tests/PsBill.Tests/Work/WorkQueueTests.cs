using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Work;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Work;

public sealed class WorkQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EnqueueBatchesAsync_TwelveKeysBatchesOfFive_ThreeBase64MessagesWithAllKeysOnce()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var queue = services.GetRequiredService<WorkQueue>();
        var keys = Enumerable.Range(1, 12).Select(i => ItemKeys.Voucher("US001", i.ToString("D8"))).ToList();

        var items = await queue.EnqueueBatchesAsync(WorkItemKind.Voucher, keys.Append(keys[0]), 5, "run-1");

        var raw = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, queue.Name); // no decoding: what the Functions host reads
        var messages = (await raw.ReceiveMessagesAsync(32)).Value;
        var read = messages.Select(m => WorkItem.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)))).ToList();
        Assert.Equal([5, 5, 2], items.Select(i => i.Keys.Count));
        Assert.Equal(3, read.Count);
        Assert.Equal(keys, read.SelectMany(i => i.Keys).Order(StringComparer.Ordinal));
        Assert.All(read, i => Assert.Equal("run-1", i.RunId));
    }

    [Fact]
    public async Task ReplayAsync_KnownAndUnknownKeys_EnqueuesKnownWithReplayMarkAndAudits()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        await ledger.TryInsertIntentAsync("voucher:US001:1", null, null);

        var result = await services.GetRequiredService<WorkReplay>().ReplayAsync(["voucher:US001:1", "voucher:US001:404"], "test");

        var message = (await services.GetRequiredService<PsBillStorage>().WorkQueue.ReceiveMessageAsync()).Value;
        var item = WorkItem.Parse(message.MessageText);
        Assert.Equal(["voucher:US001:1"], result.Replayed);
        Assert.Equal(["voucher:US001:404"], result.Unknown);
        Assert.True(item.Replay);
        Assert.Equal("work.replay", Assert.Single(await services.GetRequiredService<AuditTrail>().ReadAsync("voucher:US001:1")).Step);
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Work;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Sync;
using PsBill.Workflows.Activities;

namespace PsBill.Tests.Work;

/// <summary>A lane's batch in one activity: items side by side, an item that throws left to run again on its own, and the
/// create results written beside the batch's later BILL calls (only the last item's go back to the lane).</summary>
public sealed class RunWorkItemsActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
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
        var activity = (await BatchAsync(handler)).Activity;
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

        var results = await (await BatchAsync(handler)).Activity.RunAsync(items, "invocation-2");

        Assert.All(results, r => Assert.Equal(WorkOutcomeKind.Done, r!.Kind));
        Assert.Equal(1, mostAtOnce);
        Assert.Equal(5, handler.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_CreateResults_WrittenBesideLaterItems_OnlyTheLastItemsGoBackToTheLane()
    {
        // Item 3 finishes last (its BILL call takes longest): nothing of the batch is left to overlap its write, so its
        // results go back for RecordResults; items 1 and 2 finish while item 3 is still in BILL, so theirs are written here.
        Batch? batch = null;
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, async (item, _, token) =>
        {
            var n = int.Parse(item.Keys[0][^1..], System.Globalization.CultureInfo.InvariantCulture);
            await CreateAsync(batch!, item.Keys[0], TimeSpan.FromMilliseconds(n == 3 ? 600 : 50 * n), token);
            return WorkOutcome.Done();
        });
        batch = await BatchAsync(handler);
        var items = Enumerable.Range(1, 3).Select(i => WorkItem.For($"voucher:US001:{i}")).ToList();

        var results = await batch.Activity.RunAsync(items, "invocation-3");

        Assert.All(results, r => Assert.Equal(WorkOutcomeKind.Done, r!.Kind));
        Assert.Null(results[0]!.Unrecorded);
        Assert.Null(results[1]!.Unrecorded);
        Assert.Equal(["voucher:US001:3"], results[2]!.Unrecorded!.Select(r => r.Key));
        foreach (var key in new[] { "voucher:US001:1", "voucher:US001:2" })
        {
            var row = await batch.Ledger.GetAsync(key);
            Assert.Equal((LedgerState.Done, "00n-" + key), (row!.State, row.RemoteId));
            Assert.Contains(await batch.Audit.ReadAsync(key), e => e.Step == "bill.create" && e.Outcome == "ok");
        }
        Assert.Equal(LedgerState.Intent, (await batch.Ledger.GetAsync("voucher:US001:3"))!.State);
        Assert.Empty(await batch.Audit.ReadAsync("voucher:US001:3"));
    }

    [Fact]
    public async Task RunAsync_WritingResultsFails_TheyGoBackToTheLane_TheItemIsNotRunAgain()
    {
        // No audit table: the write of item 1's results fails (after its ledger rows), so they go back for RecordResults,
        // which retries; the item itself is done (its BILL call was made) and must not run again.
        Batch? batch = null;
        var handler = new RecordingWorkHandler(WorkItemKind.Voucher, async (item, _, token) =>
        {
            await CreateAsync(batch!, item.Keys[0], TimeSpan.FromMilliseconds(item.Keys[0].EndsWith('1') ? 20 : 400), token);
            return WorkOutcome.Done();
        });
        batch = await BatchAsync(handler, withAuditTable: false);
        var items = Enumerable.Range(1, 2).Select(i => WorkItem.For($"voucher:US001:{i}")).ToList();

        var results = await batch.Activity.RunAsync(items, "invocation-4");

        Assert.Equal(["voucher:US001:1"], results[0]!.Unrecorded!.Select(r => r.Key));
        Assert.Equal(["voucher:US001:2"], results[1]!.Unrecorded!.Select(r => r.Key));
        Assert.Equal(2, handler.Calls.Count);
    }

    /// <summary>What a bulk create leaves in a flow: the intent claimed, then (after the call) a result handed over to write.</summary>
    private static async Task CreateAsync(Batch batch, string key, TimeSpan inBill, CancellationToken token)
    {
        var detail = new SyncDetail { InvoiceNumber = "INV-" + key[^1..], VendorId = "00901" };
        var claim = await batch.Ledger.ClaimAsync(key, SyncAction.Send, "h-" + key, detail, "run-1", token);
        await Task.Delay(inBill, token);
        DeferredCreateResults.Active!.Add(new CreateResult(key, "bill", CreateResultKind.Created, ClaimedIntent.Of(claim.Entry!), "00n-" + key, "h-" + key, detail.ToJson(), null, "run-1"));
    }

    private sealed record Batch(RunWorkItemsActivity Activity, SyncLedger Ledger, AuditTrail Audit);

    private async Task<Batch> BatchAsync(IWorkItemHandler handler, bool withAuditTable = true)
    {
        var connection = azurite.ConnectionString;
        var storage = new PsBillStorage(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection), new StorageNames(AzuriteFixture.UniquePrefix()));
        await storage.Table(StorageNames.Tables.Ledger).CreateIfNotExistsAsync();
        if (withAuditTable) await storage.Table(StorageNames.Tables.Audit).CreateIfNotExistsAsync();
        var time = TimeProvider.System;
        var ledger = new SyncLedger(new LedgerStore(storage, time), time, SyncSamples.Options());
        var audit = new AuditTrail(storage, time);
        var services = new ServiceCollection()
            .AddSingleton(handler).AddScoped<WorkDispatcher>()
            .AddSingleton(ledger).AddSingleton(audit).AddSingleton(SyncSamples.Options())
            .AddSingleton<ILogger<CreateResultWriter>>(NullLogger<CreateResultWriter>.Instance).AddSingleton<CreateResultWriter>()
            .BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var single = new RunWorkItemActivity(scopes, new FailedItemStore(storage, time), time, NullLogger<RunWorkItemActivity>.Instance);
        var activity = new RunWorkItemsActivity(single, new RecordResultsActivity(scopes), time, NullLogger<RunWorkItemsActivity>.Instance);
        return new Batch(activity, ledger, audit);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Engine;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync;

/// <summary>Regression: 80 vendor items of one poll finishing together exhausted the run row's ETag retries and failed items.</summary>
public sealed class RunCountsBufferTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddAsync_ManyItemsOfOneRunAtOnce_EveryCountLandsAndNoneThrows()
    {
        var connection = azurite.ConnectionString;
        var storage = new PsBillStorage(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection), new StorageNames(AzuriteFixture.UniquePrefix()));
        await storage.Table(StorageNames.Tables.Runs).CreateIfNotExistsAsync();
        var runs = new RunStore(storage, TimeProvider.System);
        var run = await runs.StartAsync("PollSuppliers");
        var buffer = new RunCountsBuffer(runs, NullLogger<RunCountsBuffer>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => Task.Run(() => buffer.AddAsync(run.Id, new RunCounts(Created: 2, Parked: 1)))));
        await buffer.AddAsync(run.Id, new RunCounts(AlreadyThere: 1)); // the next item flushes whatever is still pending

        var counts = (await runs.GetAsync(run.Id))!.Counts;
        Assert.Equal(new RunCounts(Created: 160, Parked: 80, AlreadyThere: 1), counts);
    }
}

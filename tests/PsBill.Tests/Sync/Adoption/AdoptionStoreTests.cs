using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Metering;
using PsBill.Connector.Sync.Adoption;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync.Adoption;

/// <summary>The adoptions table on Azurite: the operator decisions of a batch of suppliers read together.</summary>
public sealed class AdoptionStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetProposalsAsync_TwentySuppliers_ReturnsTheDecidedOnesInTwoQueries()
    {
        var (store, counter) = await StoreAsync();
        var keys = Enumerable.Range(1, 20).Select(i => $"supplier:SHARE/{i % 2}:{i:0000000000}").ToList(); // '/' is escaped in row keys
        await store.SavePendingAsync(keys[0], "Acme", [new VendorCandidate("009a", "Acme Inc", 80, ["same name"])]);
        await store.DecideAsync(keys[7], "Bolt", ProposalStatus.Confirmed, "009b");
        await store.DecideAsync(keys[19], "Cord", ProposalStatus.Rejected, null);
        var before = counter.Total;

        var found = await store.GetProposalsAsync(keys);

        Assert.Equal(2, counter.Total - before); // 14 keys a query
        Assert.Equal(new[] { keys[0], keys[7], keys[19] }.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ProposalStatus.Pending, found[keys[0]].Status);
        Assert.Equal("009a", Assert.Single(found[keys[0]].Candidates).VendorId);
        Assert.Equal((ProposalStatus.Confirmed, "009b"), (found[keys[7]].Status, found[keys[7]].VendorId));
        Assert.Equal(ProposalStatus.Rejected, found[keys[19]].Status);
        foreach (var key in keys) Assert.Equal((await store.GetProposalAsync(key))?.Status, found.GetValueOrDefault(key)?.Status);
    }

    [Fact]
    public async Task GetProposalsAsync_NoKeys_AsksNothing()
    {
        var (store, counter) = await StoreAsync();
        var before = counter.Total;

        Assert.Empty(await store.GetProposalsAsync([]));
        Assert.Equal(before, counter.Total);
    }

    private async Task<(AdoptionStore Store, StorageOperationCounter Counter)> StoreAsync()
    {
        var counter = new StorageOperationCounter();
        var connection = azurite.ConnectionString;
        var storage = new PsBillStorage(StorageConnection.FromConnectionString(connection).CreateTableServiceClient(counter),
            new QueueServiceClient(connection), new BlobServiceClient(connection), new StorageNames(AzuriteFixture.UniquePrefix()));
        await storage.Table(AdoptionStore.TableName).CreateIfNotExistsAsync();
        return (new AdoptionStore(storage, _time), counter);
    }
}

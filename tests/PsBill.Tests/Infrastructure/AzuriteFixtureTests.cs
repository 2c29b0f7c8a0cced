using Azure.Data.Tables;

namespace PsBill.Tests.Infrastructure;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Start_TableService_AcceptsWritesAndReads()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniquePrefix() + "probe");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });
        var read = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, read.Value.GetInt32("Value"));
    }
}

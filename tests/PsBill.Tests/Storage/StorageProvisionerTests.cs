using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class StorageProvisionerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EnsureCreatedAsync_WithComponentTable_CreatesPrefixedTablesQueuesAndContainerIdempotently()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        await using var services = await TestServices.CreateAsync(azurite, prefix, s => s.AddPsBillTable("settlements"));
        var storage = services.GetRequiredService<PsBillStorage>();

        await new StorageProvisioner(storage, services.GetRequiredService<StorageLayout>()).EnsureCreatedAsync();

        var tables = new List<string>();
        await foreach (var table in storage.TableService.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0)) tables.Add(table.Name);
        Assert.Equal(new[] { "alerts", "audit", "checkpoints", "failures", "ledger", "mappings", "runs", "settlements", "tieouts" }.Select(t => prefix + t), tables.Order(StringComparer.Ordinal));
        Assert.True(await storage.LeaseContainer.ExistsAsync());
    }
}

using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Mappings;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class MappingStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task UpsertAsync_ThenGetAndList_ReturnsLatestMappingsOfThatKind()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var mappings = services.GetRequiredService<MappingStore>();

        await mappings.UpsertAsync(new Mapping("account", "US001:610000", "0ca01OLD"));
        await mappings.UpsertAsync(new Mapping("account", "US001:610000", "0ca01NEW", "matched by number"));
        await mappings.UpsertAsync(new Mapping("account", "US001:620000", "0ca02"));
        await mappings.UpsertAsync(new Mapping("department", "SALES", "0de01"));

        var one = await mappings.GetAsync("account", "US001:610000");
        var accounts = await mappings.ListAsync("account");

        Assert.Equal(("0ca01NEW", "matched by number"), (one!.BillId, one.Detail));
        Assert.Equal(["US001:610000", "US001:620000"], accounts.Select(a => a.SourceValue).Order(StringComparer.Ordinal));
        Assert.Null(await mappings.GetAsync("department", "HR"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingMapping_IsGone()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var mappings = services.GetRequiredService<MappingStore>();
        await mappings.UpsertAsync(new Mapping("department", "SALES", "0de01"));

        await mappings.DeleteAsync("department", "SALES");

        Assert.Null(await mappings.GetAsync("department", "SALES"));
    }
}

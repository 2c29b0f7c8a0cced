using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync.Snapshots;

public sealed class SourceSnapshotStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task GetManyAsync_KeysOfTwoKindsSomeNeverStored_ReturnsExactlyTheStoredOnesAsSaved()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var storage = services.GetRequiredService<PsBillStorage>();
        await storage.Table(SourceSnapshotStore.TableName).CreateIfNotExistsAsync();
        var store = new SourceSnapshotStore(storage);
        // More keys than one query takes, a key with a quote (filter escaping), a record larger than one chunk, a withdrawn one.
        var vouchers = Enumerable.Range(0, 40).Select(i => new SourceSnapshot($"voucher:US001:{i:D8}", $"{{\"n\":{i}}}", false, $"page {i / 10}")).ToList();
        vouchers.Add(new SourceSnapshot("voucher:US001:O'BRIEN", "{\"q\":1}", false, null));
        vouchers.Add(new SourceSnapshot("voucher:US001:LARGE", "{\"text\":\"" + new string('x', 70_000) + "\"}", false, null));
        var supplier = new SourceSnapshot("supplier:SHARE:V1", "{\"s\":1}", false, null);
        await store.SaveAsync([.. vouchers, supplier]);
        await store.MarkWithdrawnAsync("voucher:US001:00000007");

        var asked = vouchers.Select(v => v.Key).Concat(["supplier:SHARE:V1", "voucher:US001:MISSING", "supplier:SHARE:MISSING"]).ToList();
        var found = await store.GetManyAsync(asked);

        Assert.Equal(vouchers.Count + 1, found.Count);
        Assert.DoesNotContain("voucher:US001:MISSING", found.Keys);
        foreach (var expected in vouchers.Where(v => v.Key != "voucher:US001:00000007").Append(supplier))
            Assert.Equal(expected, found[expected.Key]);
        Assert.True(found["voucher:US001:00000007"].Withdrawn);
        Assert.Equal(await store.GetAsync("voucher:US001:LARGE"), found["voucher:US001:LARGE"]);
    }
}

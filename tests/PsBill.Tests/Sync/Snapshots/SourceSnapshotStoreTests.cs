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
        var store = new SourceSnapshotStore(storage, new SavedSnapshotCache(TimeProvider.System));
        // More keys than one query takes, a key with a quote (filter escaping), a record larger than one chunk, a withdrawn one.
        var vouchers = Enumerable.Range(0, 40).Select(i => new SourceSnapshot($"voucher:US001:{i:D8}", $"{{\"n\":{i}}}", false, $"page {i / 10}")).ToList();
        vouchers.Add(new SourceSnapshot("voucher:US001:O'BRIEN", "{\"q\":1}", false, null));
        vouchers.Add(new SourceSnapshot("voucher:US001:LARGE", "{\"text\":\"" + new string('x', 70_000) + "\"}", false, null));
        var supplier = new SourceSnapshot("supplier:SHARE:V1", "{\"s\":1}", false, null);
        await store.SaveAsync([.. vouchers, supplier]);
        await store.MarkWithdrawnAsync("voucher:US001:00000007");

        var asked = vouchers.Select(v => v.Key).Concat(["supplier:SHARE:V1", "voucher:US001:MISSING", "supplier:SHARE:MISSING"]).ToList();
        // Another process's store: everything comes from storage.
        var found = await new SourceSnapshotStore(storage, new SavedSnapshotCache(TimeProvider.System)).GetManyAsync(asked);

        Assert.Equal(vouchers.Count + 1, found.Count);
        Assert.DoesNotContain("voucher:US001:MISSING", found.Keys);
        foreach (var expected in vouchers.Where(v => v.Key != "voucher:US001:00000007").Append(supplier))
            Assert.Equal(expected, found[expected.Key]);
        Assert.True(found["voucher:US001:00000007"].Withdrawn);
        Assert.Equal(await store.GetAsync("voucher:US001:LARGE"), found["voucher:US001:LARGE"]);
    }

    [Fact]
    public async Task SaveAsync_AKeyGivenTwice_StoresItsLaterVersion_AsTheCacheHandsItOut()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var storage = services.GetRequiredService<PsBillStorage>();
        await storage.Table(SourceSnapshotStore.TableName).CreateIfNotExistsAsync();
        var store = new SourceSnapshotStore(storage, new SavedSnapshotCache(TimeProvider.System));
        // A voucher changed while its page was read shows up again in a later response of the same page.
        SourceSnapshot first = new("voucher:US001:00000042", "{\"v\":1}"), other = new("voucher:US001:00000043", "{\"v\":1}"), later = new("voucher:US001:00000042", "{\"v\":2}");

        await store.SaveAsync([first, other, later]);

        Assert.Equal(later, (await store.GetManyAsync([later.Key]))[later.Key]);
        Assert.Equal(later, await store.GetAsync(later.Key));
    }

    [Fact]
    public async Task SaveAsync_APageOfSeveralTransactionsSentSideBySide_StoresEveryRecordOfEveryKind()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var storage = services.GetRequiredService<PsBillStorage>();
        await storage.Table(SourceSnapshotStore.TableName).CreateIfNotExistsAsync();
        // 1,050 vouchers (11 transactions, more than go at once) and 130 suppliers (2), a later version of one voucher among them.
        var vouchers = Enumerable.Range(0, 1050).Select(i => new SourceSnapshot($"voucher:US001:{i:D8}", $"{{\"n\":{i}}}")).ToList();
        var suppliers = Enumerable.Range(0, 130).Select(i => new SourceSnapshot($"supplier:SHARE:{i:D10}", $"{{\"s\":{i}}}")).ToList();
        var later = new SourceSnapshot("voucher:US001:00000500", "{\"n\":\"later\"}");

        await new SourceSnapshotStore(storage, new SavedSnapshotCache(TimeProvider.System)).SaveAsync([.. vouchers, .. suppliers, later]);

        var expected = vouchers.Where(v => v.Key != later.Key).Concat(suppliers).Append(later).ToList();
        var found = await new SourceSnapshotStore(storage, new SavedSnapshotCache(TimeProvider.System)).GetManyAsync(expected.Select(e => e.Key));
        Assert.Equal(expected.Count, found.Count);
        foreach (var snapshot in expected) Assert.Equal(snapshot, found[snapshot.Key]);
    }

    [Fact]
    public async Task GetManyAsync_JustSavedHere_HandedOutOnceFromMemoryThenFromStorage()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var storage = services.GetRequiredService<PsBillStorage>();
        var table = storage.Table(SourceSnapshotStore.TableName);
        await table.CreateIfNotExistsAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var store = new SourceSnapshotStore(storage, new SavedSnapshotCache(time));
        SourceSnapshot[] saved =
        [
            new("voucher:US002:00000001", "{\"n\":1}", false, "read 1"),
            new("voucher:US002:00000002", "{\"n\":2}", false, "read 2"),
            new("voucher:US002:00000003", "{\"n\":3}", false, "read 3"),
        ];
        await store.SaveAsync(saved);
        // Rows changed behind the store's back show which answers came from memory and which from storage.
        foreach (var snapshot in saved)
            await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("voucher", TableKeys.Escape(snapshot.Key))
            {
                ["Key"] = snapshot.Key, ["Chunks"] = 1, ["Json0"] = "{\"changed\":true}", ["Withdrawn"] = false,
            });
        await store.MarkWithdrawnAsync(saved[2].Key);

        var first = await store.GetManyAsync(saved.Select(s => s.Key));
        var second = await store.GetManyAsync([saved[0].Key]);
        await store.SaveAsync([saved[1]]);
        time.Advance(SavedSnapshotCache.Lifetime + TimeSpan.FromSeconds(1));
        var late = await store.GetManyAsync([saved[1].Key]);

        Assert.Equal(saved[0], first[saved[0].Key]); // as saved here: no storage read
        Assert.Equal(saved[1], first[saved[1].Key]);
        Assert.True(first[saved[2].Key].Withdrawn); // a withdrawal is never answered from memory
        Assert.Equal("{\"changed\":true}", second[saved[0].Key].Json); // once only: then storage
        Assert.Equal(saved[1].Json, late[saved[1].Key].Json); // too old to hand out: read (the save above wrote it)
    }
}

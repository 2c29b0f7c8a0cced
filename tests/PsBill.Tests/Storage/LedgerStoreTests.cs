using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class LedgerStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TryInsertIntentAsync_SecondInsertOfSameKey_ReturnsTheExistingRowNotInserted()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();

        var first = await ledger.TryInsertIntentAsync("voucher:US001:00000001", "hash-1", "run-1");
        var second = await ledger.TryInsertIntentAsync("voucher:US001:00000001", "hash-2", "run-2");

        Assert.True(first.Inserted);
        Assert.False(second.Inserted);
        Assert.Equal("hash-1", second.Entry.PayloadHash);
        Assert.Equal(LedgerState.Intent, second.Entry.State);
        Assert.Equal("voucher", second.Entry.Kind);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ThrowsConcurrencyConflictAndKeepsTheWinner()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        var intent = (await ledger.TryInsertIntentAsync("supplier:SHARE:V100", "h", null)).Entry;

        await ledger.UpdateAsync(intent with { State = LedgerState.Done, RemoteId = "00901WINNER" });
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledger.UpdateAsync(intent with { State = LedgerState.Done, RemoteId = "00901LOSER" }));

        Assert.Equal(412, ex.Status);
        Assert.Equal("00901WINNER", (await ledger.GetAsync("supplier:SHARE:V100"))!.RemoteId);
    }

    [Fact]
    public async Task UpdateAsync_FreshETag_WritesAndReturnsNewETag()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        var intent = (await ledger.TryInsertIntentAsync("payment:P1:B1", "h", null)).Entry;

        var done = await ledger.UpdateAsync(intent with { State = LedgerState.Done, RemoteId = "PS-1", Attempts = 2 });
        var again = await ledger.UpdateAsync(done with { Detail = "{\"note\":1}" });

        var read = await ledger.GetAsync("payment:P1:B1");
        Assert.NotEqual(intent.ETag, done.ETag);
        Assert.Equal(again.ETag, read!.ETag);
        Assert.Equal(("PS-1", 2, "{\"note\":1}"), (read.RemoteId, read.Attempts, read.Detail));
    }

    [Fact]
    public async Task QueryByStateAsync_MixedStates_ReturnsOnlyThatStateAcrossKinds()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        foreach (var key in new[] { "voucher:US001:1", "voucher:US001:2", "supplier:SHARE:A/B" })
        {
            var entry = (await ledger.TryInsertIntentAsync(key, null, null)).Entry;
            if (key != "voucher:US001:2") await ledger.UpdateAsync(entry with { State = LedgerState.Parked, ParkedReason = "account 610000 is not mapped" });
        }

        var parked = new List<LedgerEntry>();
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked)) parked.Add(entry);

        Assert.Equal(["supplier:SHARE:A/B", "voucher:US001:1"], parked.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(parked, p => Assert.Equal("account 610000 is not mapped", p.ParkedReason));
    }

    [Fact]
    public async Task GetAsync_UnknownKey_ReturnsNull()
    {
        await using var services = await TestServices.CreateAsync(azurite);

        Assert.Null(await services.GetRequiredService<LedgerStore>().GetAsync("voucher:US001:404"));
    }

    [Fact]
    public async Task TryInsertIntentsAsync_NewAndExistingKeysOfTwoKinds_InsertsTheNewInBatchesAndReturnsTheExistingRows()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        await ledger.TryInsertIntentAsync("voucher:US001:00000050", "old-hash", "run-0");
        var intents = Enumerable.Range(0, 130).Select(i => new LedgerIntent($"voucher:US001:{i:D8}", $"h{i}", "run-1", null))
            .Append(new LedgerIntent("supplier:SHARE:V1", "s1", "run-1", "{}"))
            .ToList();

        var results = await ledger.TryInsertIntentsAsync(intents);

        Assert.Equal(intents.Count, results.Count);
        for (var i = 0; i < intents.Count; i++) Assert.Equal(intents[i].Key, results[i].Entry.Key);
        Assert.False(results[50].Inserted);
        Assert.Equal("old-hash", results[50].Entry.PayloadHash);
        Assert.Equal(intents.Count - 1, results.Count(r => r.Inserted));
        Assert.All(results.Where(r => r.Inserted), r => Assert.NotEqual(default, r.Entry.ETag));
        var stored = await ledger.GetAsync("voucher:US001:00000129");
        Assert.Equal("h129", stored!.PayloadHash);
        Assert.Equal(results[129].Entry.ETag, stored.ETag);
        Assert.Equal(LedgerState.Intent, (await ledger.GetAsync("supplier:SHARE:V1"))!.State);
    }

    [Fact]
    public async Task UpdateManyAsync_OneRowChangedMeanwhile_WritesTheOthersAndLeavesTheWinnersRow()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        var rows = (await ledger.TryInsertIntentsAsync(Enumerable.Range(0, 5).Select(i => new LedgerIntent($"voucher:US002:{i:D8}", "h", null, null)).ToList()))
            .Select(r => r.Entry).ToList();
        await ledger.UpdateAsync(rows[2] with { State = LedgerState.Parked, ParkedReason = "operator" });

        var written = await ledger.UpdateManyAsync(rows.Select((r, i) => r with { State = LedgerState.Done, RemoteId = $"00n{i}" }).ToList());

        Assert.Null(written[2]);
        Assert.Equal(LedgerState.Parked, (await ledger.GetAsync(rows[2].Key))!.State);
        foreach (var i in new[] { 0, 1, 3, 4 })
        {
            var stored = await ledger.GetAsync(rows[i].Key);
            Assert.Equal($"00n{i}", stored!.RemoteId);
            Assert.Equal(stored.ETag, written[i]!.ETag);
        }
    }

    [Fact]
    public async Task GetManyAsync_MoreKeysThanOneQueryOfTwoKinds_ReturnsTheRowsThatExist()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var ledger = services.GetRequiredService<LedgerStore>();
        var keys = Enumerable.Range(0, 30).Select(i => $"supplier:SHARE:V{i}").Append("voucher:US001:O'NEIL/1").ToList();
        await ledger.TryInsertIntentsAsync(keys.Select(k => new LedgerIntent(k, "h", null, null)).ToList());

        var found = await ledger.GetManyAsync([.. keys, "supplier:SHARE:NONE", "voucher:US001:NONE"]);

        Assert.Equal(keys.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((await ledger.GetAsync("voucher:US001:O'NEIL/1"))!.ETag, found["voucher:US001:O'NEIL/1"].ETag);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Azure.Data.Tables;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class AuditTrailTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ReadAsync_StepsAppendedInTheSameTick_ReadBackInOrderAndOnlyForThatItem()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await using var services = await TestServices.CreateAsync(azurite, configure: s => s.AddSingleton<TimeProvider>(time));
        var audit = services.GetRequiredService<AuditTrail>();

        await audit.AppendAsync("voucher:US001:7", "ledger.intent", "ok", runId: "r1");
        await audit.AppendAsync("voucher:US001:7", "bill.create", "retry", "BDC_1322 rate limited", "r1");
        await audit.AppendAsync("voucher:US001:8", "ledger.intent", "ok");
        time.Advance(TimeSpan.FromMinutes(1));
        await audit.AppendAsync("voucher:US001:7", "bill.create", "ok", "bill 00n01 created", "r1");

        var trail = await audit.ReadAsync("voucher:US001:7");

        Assert.Equal(["ledger.intent/ok", "bill.create/retry", "bill.create/ok"], trail.Select(t => $"{t.Step}/{t.Outcome}"));
        Assert.Equal(time.GetUtcNow(), trail[^1].At);
        Assert.Equal("BDC_1322 rate limited", trail[1].Detail);
        Assert.All(trail, t => Assert.Equal("r1", t.RunId));
    }

    [Fact]
    public async Task AppendManyAsync_StepsOfManyKeys_EachKeyReadsBackOnlyItsOwnRowsIncludingKeysThatPrefixOthers()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var audit = services.GetRequiredService<AuditTrail>();
        // 150 keys: more than one transaction; "...:1" is a prefix of "...:10" to "...:19"; one key holds the separator.
        var keys = Enumerable.Range(0, 150).Select(i => $"voucher:US001:{i}").Append("voucher:US001:A|B").Append("supplier:SHARE:V1").ToList();

        await audit.AppendManyAsync(keys.Select(k => (k, "bill.create", "ok", (string?)$"created {k}", (string?)"r1")));
        await audit.AppendAsync("voucher:US001:1", "bill.update", "ok");
        await audit.AppendAsync("voucher:US001:A", "bill.create", "ok");

        Assert.Equal(["bill.create", "bill.update"], (await audit.ReadAsync("voucher:US001:1")).Select(t => t.Step));
        var separated = Assert.Single(await audit.ReadAsync("voucher:US001:A|B"));
        Assert.Equal("created voucher:US001:A|B", separated.Detail);
        Assert.Single(await audit.ReadAsync("voucher:US001:A"));
        Assert.Equal("created voucher:US001:149", Assert.Single(await audit.ReadAsync("voucher:US001:149")).Detail);
        Assert.Equal("r1", Assert.Single(await audit.ReadAsync("supplier:SHARE:V1")).RunId);
    }

    [Fact]
    public async Task ReadAsync_TrailWrittenInTheEarlierLayout_StillReadBeforeTheNewSteps()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var audit = services.GetRequiredService<AuditTrail>();
        // The layout before: partition = the item key, row = time-ordered id.
        var table = services.GetRequiredService<PsBillStorage>().Table(StorageNames.Tables.Audit);
        await table.AddEntityAsync(new TableEntity("voucher:US001:9", "0638999999999999999-0000000001-abcdef")
        {
            ["Key"] = "voucher:US001:9", ["At"] = DateTimeOffset.UnixEpoch, ["Step"] = "bill.create", ["Outcome"] = "ok",
        });
        await audit.AppendAsync("voucher:US001:9", "bill.update", "ok");

        Assert.Equal(["bill.create", "bill.update"], (await audit.ReadAsync("voucher:US001:9")).Select(t => t.Step));
    }
}

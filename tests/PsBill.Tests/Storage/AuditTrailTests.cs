using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
}

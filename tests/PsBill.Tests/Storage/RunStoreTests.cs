using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Runs;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class RunStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddCountsAsync_ManyConcurrentWorkers_NoCountIsLost()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var runs = services.GetRequiredService<RunStore>();
        var run = await runs.StartAsync("PollVouchers");

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => runs.AddCountsAsync(run.Id, i % 2 == 0 ? new RunCounts(Created: 1) : new RunCounts(Parked: 1, Failed: 1))));

        var read = await runs.GetAsync(run.Id);
        Assert.Equal(new RunCounts(Created: 6, Parked: 6, Failed: 6), read!.Counts);
    }

    [Fact]
    public async Task CompleteAsync_WithAndWithoutError_RecordsStatusCountsAndEnd()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var runs = services.GetRequiredService<RunStore>();
        var ok = await runs.StartAsync("PollSuppliers");
        var bad = await runs.StartAsync("PollSuppliers");

        await runs.CompleteAsync(ok.Id, new RunCounts(Seen: 3));
        await runs.CompleteAsync(bad.Id, RunCounts.None, "PeopleSoft answered 503");

        var okRead = await runs.GetAsync(ok.Id);
        var badRead = await runs.GetAsync(bad.Id);
        Assert.Equal((RunStatus.Succeeded, 3), (okRead!.Status, okRead.Counts.Seen));
        Assert.NotNull(okRead.EndedAt);
        Assert.Equal((RunStatus.Failed, "PeopleSoft answered 503"), (badRead!.Status, badRead.Error));
    }

    [Fact]
    public async Task ListRecentAsync_SeveralRuns_NewestFirstAndFilteredByFunction()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
        await using var services = await TestServices.CreateAsync(azurite, configure: s => s.AddSingleton<TimeProvider>(time));
        var runs = services.GetRequiredService<RunStore>();
        var first = await runs.StartAsync("PollVouchers");
        time.Advance(TimeSpan.FromMinutes(15));
        var other = await runs.StartAsync("PollSuppliers");
        time.Advance(TimeSpan.FromMinutes(15));
        var last = await runs.StartAsync("PollVouchers");

        var all = await runs.ListRecentAsync();
        var vouchers = await runs.ListRecentAsync(function: "PollVouchers");

        Assert.Equal([last.Id, other.Id, first.Id], all.Select(r => r.Id));
        Assert.Equal([last.Id, first.Id], vouchers.Select(r => r.Id));
    }

    [Fact]
    public async Task AddItemKeysAsync_MoreThanOneTransactionWithDuplicates_ListsEachKeyOnce()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var runs = services.GetRequiredService<RunStore>();
        var run = await runs.StartAsync("PollVouchers");
        var keys = Enumerable.Range(0, 150).Select(i => $"voucher:US001:{i:D8}").ToList();

        await runs.AddItemKeysAsync(run.Id, keys);
        await runs.AddItemKeysAsync(run.Id, keys.Take(10));

        var listed = new List<string>();
        await foreach (var key in runs.ListItemKeysAsync(run.Id)) listed.Add(key);
        Assert.Equal(keys, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_UnknownOrMalformedId_ReturnsNull()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var runs = services.GetRequiredService<RunStore>();

        Assert.Null(await runs.GetAsync("20261124T070000000Z-PollVouchers-abcdef"));
        Assert.Null(await runs.GetAsync("nonsense"));
    }
}

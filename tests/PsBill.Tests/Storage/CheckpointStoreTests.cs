using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class CheckpointStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SaveAsync_TwoPollersFromTheSameRead_SecondGetsConflictAndFirstValueStays()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var checkpoints = services.GetRequiredService<CheckpointStore>();
        await checkpoints.SaveAsync(new Checkpoint("vouchers", "2026-11-24T07:00:00Z"));
        var readByA = (await checkpoints.GetAsync("vouchers"))!;
        var readByB = (await checkpoints.GetAsync("vouchers"))!;

        await checkpoints.SaveAsync(readByA with { Value = "2026-11-24T07:15:00Z" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => checkpoints.SaveAsync(readByB with { Value = "2026-11-24T07:14:00Z" }));

        Assert.Equal("2026-11-24T07:15:00Z", (await checkpoints.GetAsync("vouchers"))!.Value);
    }

    [Fact]
    public async Task SaveAsync_NewCheckpointCreatedTwice_SecondCreateConflicts()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var checkpoints = services.GetRequiredService<CheckpointStore>();

        await checkpoints.SaveAsync(new Checkpoint("suppliers", "a"));
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => checkpoints.SaveAsync(new Checkpoint("suppliers", "b")));

        Assert.Equal(409, ex.Status);
    }

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        await using var services = await TestServices.CreateAsync(azurite);

        Assert.Null(await services.GetRequiredService<CheckpointStore>().GetAsync("payments"));
    }
}

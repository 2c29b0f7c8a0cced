using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Leases;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Storage;

public sealed class BlobLeasesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TryAcquireAsync_HeldByAnother_ReturnsNullUntilReleased()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var leases = services.GetRequiredService<BlobLeases>();

        var first = await leases.TryAcquireAsync("gate/org1/0", TimeSpan.FromSeconds(15));
        var second = await leases.TryAcquireAsync("gate/org1/0", TimeSpan.FromSeconds(15));
        await first!.ReleaseAsync();
        var third = await leases.TryAcquireAsync("gate/org1/0", TimeSpan.FromSeconds(15));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
        await third!.DisposeAsync();
    }

    [Fact]
    public async Task WriteStateAsync_ByHolder_ReadableWithoutLease()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var leases = services.GetRequiredService<BlobLeases>();

        await using (var lease = await leases.TryAcquireAsync("timers/X", TimeSpan.FromSeconds(15)))
        {
            await lease!.WriteStateAsync("{\"last\":1}");
            await lease.RenewAsync();
        }

        Assert.Equal("{\"last\":1}", await leases.ReadStateAsync("timers/X"));
        Assert.Null(await leases.ReadStateAsync("timers/never"));
    }

    [Fact]
    public async Task TryAcquireAsync_DurationAzureDoesNotGrant_Throws()
    {
        await using var services = await TestServices.CreateAsync(azurite);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => services.GetRequiredService<BlobLeases>().TryAcquireAsync("x", TimeSpan.FromSeconds(5)));
    }
}

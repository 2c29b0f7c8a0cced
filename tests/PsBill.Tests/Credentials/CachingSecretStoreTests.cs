using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Credentials;

namespace PsBill.Tests.Credentials;

public sealed class CachingSecretStoreTests
{
    [Fact]
    public async Task SetAsync_CachedSecret_ReplacesTheCachedValueAtOnce()
    {
        var inner = new InMemorySecretStore([new(SecretNames.BillPassword, "old")]);
        var store = new CachingSecretStore(inner, TimeSpan.FromMinutes(5), new FakeTimeProvider());
        Assert.Equal("old", await store.GetAsync(SecretNames.BillPassword));

        await store.SetAsync(SecretNames.BillPassword, "new");

        Assert.Equal("new", await store.GetAsync(SecretNames.BillPassword));
        Assert.Equal("new", await inner.GetAsync(SecretNames.BillPassword));
    }

    [Fact]
    public async Task GetAsync_ZeroCacheTime_ReadsTheInnerStoreEveryTime()
    {
        var inner = new InMemorySecretStore([new(SecretNames.BillPassword, "old")]);
        var store = new CachingSecretStore(inner, TimeSpan.Zero, new FakeTimeProvider());
        Assert.Equal("old", await store.GetAsync(SecretNames.BillPassword));

        await inner.SetAsync(SecretNames.BillPassword, "changed behind the cache");

        Assert.Equal("changed behind the cache", await store.GetAsync(SecretNames.BillPassword));
    }

    [Fact]
    public async Task GetAsync_SecretRememberedAsAbsent_StillThrowsNotFound()
    {
        var store = new CachingSecretStore(new InMemorySecretStore(), TimeSpan.FromMinutes(5), new FakeTimeProvider());
        Assert.Null(await store.TryGetAsync(SecretNames.AdminKey));

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => store.GetAsync(SecretNames.AdminKey));

        Assert.Equal(SecretNames.AdminKey, ex.SecretName);
    }
}

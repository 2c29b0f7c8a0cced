using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Credentials;

namespace PsBill.Tests.Credentials;

public sealed class KeyVaultSecretStoreTests : IAsyncLifetime
{
    private const string Value = "s3cr3t-Value-Never-Shown";
    private FakeKeyVault _vault = null!;
    private readonly FakeLogger<KeyVaultSecretStore> _logger = new();

    public async Task InitializeAsync() => _vault = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    private KeyVaultSecretStore CreateStore() => new(_vault.CreateClient(), _logger);

    [Fact]
    public async Task GetAsync_ExistingSecret_AnswersChallengeThenReturnsValue()
    {
        _vault.SetSecret(SecretNames.BillPassword, Value);

        var value = await CreateStore().GetAsync(SecretNames.BillPassword);

        Assert.Equal(Value, value);
        Assert.True(_vault.Challenges >= 1, "the client should have been challenged before it sent a token");
        Assert.Equal(1, _vault.AuthorizedReads);
    }

    [Fact]
    public async Task GetAsync_MissingSecret_ThrowsNamingTheSecret()
    {
        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => CreateStore().GetAsync(SecretNames.BillDeveloperKey));

        Assert.Equal(SecretNames.BillDeveloperKey, ex.SecretName);
        Assert.Contains(SecretNames.BillDeveloperKey, ex.Message);
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public async Task TryGetAsync_MissingSecret_ReturnsNull()
    {
        Assert.Null(await CreateStore().TryGetAsync(SecretNames.WebhookPreviousSecurityKey));
    }

    [Fact]
    public async Task GetAsync_DeniedRead_ThrowsNamingTheSecretAndTheRoleNeverTheValue()
    {
        _vault.SetSecret(SecretNames.PeopleSoftPassword, Value);
        _vault.Deny(SecretNames.PeopleSoftPassword);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => CreateStore().GetAsync(SecretNames.PeopleSoftPassword));

        Assert.Equal(SecretNames.PeopleSoftPassword, ex.SecretName);
        Assert.Contains("403", ex.Message);
        Assert.Contains("Key Vault Secrets User", ex.Message);
        Assert.DoesNotContain(Value, ex.ToString());
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains(Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryGetAsync_DeniedRead_ThrowsInsteadOfReportingAbsent()
    {
        _vault.SetSecret(SecretNames.WebhookPreviousSecurityKey, Value);
        _vault.Deny(SecretNames.WebhookPreviousSecurityKey);

        await Assert.ThrowsAsync<SecretNotFoundException>(() => CreateStore().TryGetAsync(SecretNames.WebhookPreviousSecurityKey));
    }

    [Fact]
    public async Task SetAsync_NewSecret_IsStoredInTheVaultAndReadBack()
    {
        var store = CreateStore();

        await store.SetAsync(SecretNames.AdminKey, Value);

        Assert.Equal(Value, _vault.Secret(SecretNames.AdminKey));
        Assert.Equal(Value, await store.GetAsync(SecretNames.AdminKey));
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains(Value, StringComparison.Ordinal));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message.Contains(SecretNames.AdminKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CachingStore_RotatedSecret_IsPickedUpAfterTheCacheTimeWithoutRestart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var store = new CachingSecretStore(CreateStore(), TimeSpan.FromSeconds(300), time);
        _vault.SetSecret(SecretNames.BillPassword, "before-rotation");

        Assert.Equal("before-rotation", await store.GetAsync(SecretNames.BillPassword));
        _vault.SetSecret(SecretNames.BillPassword, "after-rotation");
        time.Advance(TimeSpan.FromSeconds(299));
        var withinCacheTime = await store.GetAsync(SecretNames.BillPassword);
        time.Advance(TimeSpan.FromSeconds(2));
        var afterCacheTime = await store.GetAsync(SecretNames.BillPassword);

        Assert.Equal("before-rotation", withinCacheTime);
        Assert.Equal("after-rotation", afterCacheTime);
        Assert.Equal(2, _vault.AuthorizedReads);
    }

    [Fact]
    public async Task CachingStore_AbsentSecret_IsRememberedUntilTheCacheTimeEnds()
    {
        var time = new FakeTimeProvider();
        var store = new CachingSecretStore(CreateStore(), TimeSpan.FromSeconds(60), time);

        Assert.Null(await store.TryGetAsync(SecretNames.WebhookPreviousSecurityKey));
        Assert.Null(await store.TryGetAsync(SecretNames.WebhookPreviousSecurityKey));
        _vault.SetSecret(SecretNames.WebhookPreviousSecurityKey, Value);
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(Value, await store.TryGetAsync(SecretNames.WebhookPreviousSecurityKey));
        Assert.Equal(2, _vault.AuthorizedReads);
    }
}

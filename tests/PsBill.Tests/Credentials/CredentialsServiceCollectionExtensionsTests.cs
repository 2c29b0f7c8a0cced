using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.Credentials;

namespace PsBill.Tests.Credentials;

public sealed class CredentialsServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddPsBillCredentials(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddPsBillCredentials_KeyVault_ReadsTheVaultThroughACache()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        vault.SetSecret(SecretNames.BillDeveloperKey, "dev-key-from-vault");
        using var provider = Build(
            new() { ["PsBill:Credentials:Store"] = "KeyVault", ["PsBill:Credentials:VaultUri"] = vault.VaultUri.ToString(), ["PsBill:Credentials:CacheSeconds"] = "120" },
            services => services.AddSingleton(vault.CreateClient()));

        var store = provider.GetRequiredService<ISecretStore>();

        var caching = Assert.IsType<CachingSecretStore>(store);
        Assert.Equal(TimeSpan.FromSeconds(120), caching.CacheDuration);
        Assert.IsType<KeyVaultSecretStore>(caching.Inner);
        Assert.Equal("dev-key-from-vault", await store.GetAsync(SecretNames.BillDeveloperKey));
    }

    [Fact]
    public void AddPsBillCredentials_KeyVaultWithoutDefaults_UsesDefaultAzureCredentialClientForTheVault()
    {
        using var provider = Build(new() { ["PsBill:Credentials:Store"] = "keyvault", ["PsBill:Credentials:VaultUri"] = "https://psbill-kv.vault.azure.net/" });

        var client = provider.GetRequiredService<SecretClient>();

        Assert.Equal(new Uri("https://psbill-kv.vault.azure.net/"), client.VaultUri);
        Assert.Equal(TimeSpan.FromSeconds(CredentialsOptions.DefaultCacheSeconds),
            Assert.IsType<CachingSecretStore>(provider.GetRequiredService<ISecretStore>()).CacheDuration);
    }

    [Fact]
    public async Task AddPsBillCredentials_Local_UsesTheEncryptedFileAtLocalPath()
    {
        var path = _folder.File("creds.bin");
        using var provider = Build(new() { ["PsBill:Credentials:Store"] = "Local", ["PsBill:Credentials:LocalPath"] = path });

        var store = Assert.IsType<LocalSecretStore>(provider.GetRequiredService<ISecretStore>());
        await store.SetAsync(SecretNames.AdminKey, "admin-key-value");

        Assert.Equal(path, store.FilePath);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task AddPsBillCredentials_MemoryWithASeededStore_UsesThatStore()
    {
        var seeded = new InMemorySecretStore([new(SecretNames.BillPassword, "sandbox-password")]);
        using var provider = Build(new() { ["PsBill:Credentials:Store"] = "Memory" }, services => services.AddSingleton(seeded));

        Assert.Same(seeded, provider.GetRequiredService<ISecretStore>());
        Assert.Equal("sandbox-password", await provider.GetRequiredService<ISecretStore>().GetAsync(SecretNames.BillPassword));
    }

    [Theory]
    [InlineData("Keyvalt", null, "PsBill:Credentials:Store is 'Keyvalt'")]
    [InlineData("1", null, "PsBill:Credentials:Store is '1'")]
    [InlineData("KeyVault", null, "PsBill:Credentials:VaultUri is required")]
    [InlineData("KeyVault", "http://psbill-kv.vault.azure.net/", "PsBill:Credentials:VaultUri must be an absolute https address")]
    [InlineData("KeyVault", "@Microsoft.KeyVault(SecretUri=https://x.vault.azure.net/secrets/y/)", "PsBill:Credentials:VaultUri must be an absolute https address")]
    public void AddPsBillCredentials_InvalidSettings_FailNamingTheSetting(string store, string? vaultUri, string expected)
    {
        using var provider = Build(new() { ["PsBill:Credentials:Store"] = store, ["PsBill:Credentials:VaultUri"] = vaultUri });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISecretStore>());

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void AddPsBillCredentials_NegativeCacheSeconds_FailsNamingTheSetting()
    {
        using var provider = Build(new() { ["PsBill:Credentials:Store"] = "Memory", ["PsBill:Credentials:CacheSeconds"] = "-1" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISecretStore>());

        Assert.Contains("PsBill:Credentials:CacheSeconds", ex.Message);
    }

    [Fact]
    public void AddPsBillCredentials_NoSettings_DefaultsToTheLocalStore()
    {
        using var provider = Build([]);

        var store = Assert.IsType<LocalSecretStore>(provider.GetRequiredService<ISecretStore>());

        Assert.Equal(Path.GetFullPath(CredentialsOptions.DefaultLocalPath), store.FilePath);
    }
}

using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.Credentials;

/// <summary>Wires the <see cref="ISecretStore"/> chosen by <c>PsBill:Credentials:Store</c>.</summary>
public static class CredentialsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CredentialsOptions"/> (validated on start, errors name the setting) and a singleton
    /// <see cref="ISecretStore"/>: Key Vault behind a <see cref="CachingSecretStore"/>, the local encrypted file, or memory.
    /// A <see cref="SecretClient"/> or <see cref="TokenCredential"/> registered before this call is used for Key Vault
    /// (tests, or a credential other than <see cref="DefaultAzureCredential"/>); an <see cref="InMemorySecretStore"/>
    /// registered before is used for <c>Memory</c> (the sandbox seeds its own).</summary>
    public static IServiceCollection AddPsBillCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CredentialsOptions>()
            .Bind(configuration.GetSection(CredentialsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialsOptions>, CredentialsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemorySecretStore>();
        services.TryAddSingleton(CreateSecretClient);
        services.TryAddSingleton(CreateStore);
        return services;
    }

    private static ISecretStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CredentialsOptions>>().Value;
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return options.StoreKind switch
        {
            SecretStoreKind.KeyVault => new CachingSecretStore(
                new KeyVaultSecretStore(services.GetRequiredService<SecretClient>(), loggers.CreateLogger<KeyVaultSecretStore>()),
                TimeSpan.FromSeconds(options.CacheSeconds),
                services.GetRequiredService<TimeProvider>()),
            SecretStoreKind.Local => new LocalSecretStore(options.LocalPath, loggers.CreateLogger<LocalSecretStore>()),
            SecretStoreKind.Memory => services.GetRequiredService<InMemorySecretStore>(),
            _ => throw new InvalidOperationException($"{CredentialsOptions.SectionName}:Store '{options.Store}' is not supported."),
        };
    }

    private static SecretClient CreateSecretClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CredentialsOptions>>().Value;
        var vaultUri = options.VaultUri ?? throw new InvalidOperationException(
            $"{CredentialsOptions.SectionName}:VaultUri is required when {CredentialsOptions.SectionName}:Store is KeyVault.");
        var credential = services.GetService<TokenCredential>() ?? new DefaultAzureCredential();
        return new SecretClient(vaultUri, credential, new SecretClientOptions
        {
            Retry = { MaxRetries = 3, Mode = RetryMode.Exponential, Delay = TimeSpan.FromMilliseconds(500) },
        });
    }
}

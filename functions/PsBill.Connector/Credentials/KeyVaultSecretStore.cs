using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Credentials;

/// <summary>Secrets in Azure Key Vault, read with the app's identity. Every read goes to the vault; wrap it in a
/// <see cref="CachingSecretStore"/> (as <c>AddPsBillCredentials</c> does) so rotations are picked up within the cache time.</summary>
public sealed partial class KeyVaultSecretStore : ISecretStore
{
    private readonly SecretClient _client;
    private readonly ILogger<KeyVaultSecretStore> _logger;

    /// <param name="client">A client for the vault (production: <c>DefaultAzureCredential</c>).</param>
    /// <param name="logger">Logs secret names and outcomes, never values.</param>
    public KeyVaultSecretStore(SecretClient client, ILogger<KeyVaultSecretStore> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _logger = logger;
    }

    /// <summary>The vault this store reads.</summary>
    public Uri VaultUri => _client.VaultUri;

    /// <inheritdoc />
    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await TryGetAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new SecretNotFoundException(name, $"it does not exist in Key Vault {VaultUri} (or it has no current version).");

    /// <inheritdoc />
    /// <exception cref="SecretNotFoundException">The read was denied or the vault could not be reached: only a missing secret gives null.</exception>
    public async Task<string?> TryGetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var response = await _client.GetSecretAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogSecretRead(name);
            return response.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            LogSecretMissing(name);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            LogSecretDenied(name, ex.Status, ex.ErrorCode);
            throw new SecretNotFoundException(name,
                $"Key Vault {VaultUri} denied the read ({ex.Status} {ex.ErrorCode}): give the app's identity the role "
                + "'Key Vault Secrets User' on the vault, and check that the secret is enabled.", ex);
        }
        catch (RequestFailedException ex)
        {
            throw new SecretNotFoundException(name, $"Key Vault {VaultUri} answered {ex.Status} {ex.ErrorCode}.", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new SecretNotFoundException(name,
                $"no Azure credential could sign in to read Key Vault {VaultUri} (managed identity, environment or az login): {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    /// <exception cref="SecretStoreWriteException">The vault refused the write (the writer needs 'Key Vault Secrets Officer').</exception>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            await _client.SetSecretAsync(name, value, cancellationToken).ConfigureAwait(false);
            LogSecretWritten(name);
        }
        catch (RequestFailedException ex)
        {
            throw new SecretStoreWriteException(name,
                $"Key Vault {VaultUri} answered {ex.Status} {ex.ErrorCode}"
                + (ex.Status == 403 ? ": the writer needs the role 'Key Vault Secrets Officer' on the vault." : "."), ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new SecretStoreWriteException(name, $"no Azure credential could sign in to Key Vault {VaultUri}: {ex.Message}", ex);
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Read secret {SecretName} from Key Vault")]
    private partial void LogSecretRead(string secretName);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Secret {SecretName} does not exist in Key Vault")]
    private partial void LogSecretMissing(string secretName);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Key Vault denied reading secret {SecretName}: {Status} {ErrorCode}")]
    private partial void LogSecretDenied(string secretName, int status, string? errorCode);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Wrote secret {SecretName} to Key Vault")]
    private partial void LogSecretWritten(string secretName);
}

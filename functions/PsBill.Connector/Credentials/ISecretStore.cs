namespace PsBill.Connector.Credentials;

/// <summary>
/// Where the connector's secrets live: Azure Key Vault in Azure, a Data Protection-encrypted file locally.
/// Secret values never reach configuration, logs, exception messages or the audit trail.
/// </summary>
public interface ISecretStore
{
    /// <summary>Reads a secret by name (see <see cref="SecretNames"/>).</summary>
    /// <exception cref="SecretNotFoundException">The secret does not exist or cannot be read; the message names it, never its value.</exception>
    Task<string> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a secret, or null when it does not exist (for optional secrets such as a previous webhook key).</summary>
    Task<string?> TryGetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a secret.</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken = default);
}

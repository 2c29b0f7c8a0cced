namespace PsBill.Connector.Credentials;

/// <summary>A secret is missing or could not be read. The message names the secret and the store, never a value.</summary>
public sealed class SecretNotFoundException(string secretName, string reason, Exception? inner = null)
    : Exception($"Secret '{secretName}' could not be read: {reason}", inner)
{
    public string SecretName { get; } = secretName;
}

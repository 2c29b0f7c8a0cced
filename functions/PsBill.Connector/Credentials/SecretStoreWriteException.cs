namespace PsBill.Connector.Credentials;

/// <summary>A secret could not be written (no permission, or a local store that cannot be decrypted and so must not be
/// overwritten). The message names the secret and the store, never a value.</summary>
public sealed class SecretStoreWriteException(string secretName, string reason, Exception? inner = null)
    : Exception($"Secret '{secretName}' could not be written: {reason}", inner)
{
    /// <summary>The name of the secret that was being written.</summary>
    public string SecretName { get; } = secretName;
}

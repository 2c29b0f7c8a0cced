namespace PsBill.Connector.Credentials;

/// <summary>Where the secrets live; bound from the configuration section <c>PsBill:Credentials</c>
/// (app settings <c>PsBill__Credentials__Store</c>, ...). Holds no secret itself.</summary>
public sealed class CredentialsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "PsBill:Credentials";

    /// <summary>Default for <see cref="CacheSeconds"/>: five minutes, so a rotated secret is in use within five minutes.</summary>
    public const int DefaultCacheSeconds = 300;

    /// <summary>Default for <see cref="LocalPath"/>, relative to the working directory (ignored by git).</summary>
    public const string DefaultLocalPath = ".psbill/credentials.bin";

    /// <summary><c>KeyVault</c>, <c>Local</c> (default) or <c>Memory</c>; see <see cref="SecretStoreKind"/>.
    /// Kept as text so that a typo is reported with the setting's name and the allowed values.</summary>
    public string Store { get; set; } = nameof(SecretStoreKind.Local);

    /// <summary>The vault, e.g. <c>https://psbill-kv.vault.azure.net/</c>; required when <see cref="Store"/> is <c>KeyVault</c>.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>The encrypted file of the local store; its key ring is the folder <c>&lt;file&gt;.keys</c> beside it.</summary>
    public string LocalPath { get; set; } = DefaultLocalPath;

    /// <summary>How long a secret read from Key Vault is reused before it is read again (0 turns the cache off).
    /// Default 300 s: short enough that a rotation is picked up without a restart, long enough to spare the vault.</summary>
    public int CacheSeconds { get; set; } = DefaultCacheSeconds;

    /// <summary>The parsed <see cref="Store"/>; only meaningful after validation.</summary>
    public SecretStoreKind StoreKind =>
        Enum.TryParse<SecretStoreKind>(Store, ignoreCase: true, out var kind) ? kind : SecretStoreKind.Local;
}

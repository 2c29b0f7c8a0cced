namespace PsBill.Connector.Credentials;

/// <summary>Which <see cref="ISecretStore"/> the connector uses (setting <c>PsBill:Credentials:Store</c>).</summary>
public enum SecretStoreKind
{
    /// <summary>Azure Key Vault, read with the app's managed identity (<c>DefaultAzureCredential</c>).</summary>
    KeyVault,

    /// <summary>A file encrypted with ASP.NET Core Data Protection, its key ring in a folder beside it.</summary>
    Local,

    /// <summary>In memory only: for tests and the sandbox, which make their own throwaway credentials.</summary>
    Memory,
}

namespace PsBill.Connector.Configuration;

/// <summary>
/// Azure resolves <c>@Microsoft.KeyVault(SecretUri=...)</c> app settings before the app starts; when it cannot
/// (no access policy, wrong URI, identity missing) the app receives the literal reference text. That must
/// stop the app with a clear message instead of being used as a password or a URL.
/// </summary>
public static class KeyVaultReference
{
    private const string Marker = "@Microsoft.KeyVault(";

    /// <summary>True when the value is a Key Vault reference that Azure did not resolve.</summary>
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Marker, StringComparison.OrdinalIgnoreCase);

    /// <summary>The problem text used in configuration errors.</summary>
    public const string Problem =
        "is an unresolved Key Vault reference (@Microsoft.KeyVault(...)): the app's identity cannot read the secret, or the reference is wrong";
}

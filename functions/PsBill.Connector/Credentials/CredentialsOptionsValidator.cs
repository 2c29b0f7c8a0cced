using Microsoft.Extensions.Options;

namespace PsBill.Connector.Credentials;

/// <summary>Checks <see cref="CredentialsOptions"/>; every message names the setting it is about, so an operator
/// can fix the app setting without reading code.</summary>
internal sealed class CredentialsOptionsValidator : IValidateOptions<CredentialsOptions>
{
    private const string Prefix = CredentialsOptions.SectionName + ":";

    // An App Service Key Vault reference that the platform could not resolve reaches the app as this literal text.
    private const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, CredentialsOptions options)
    {
        var errors = new List<string>();
        var storeIsValid = !string.IsNullOrWhiteSpace(options.Store)
            && !options.Store.Trim().All(char.IsAsciiDigit) // Enum.TryParse would accept "1"
            && Enum.TryParse<SecretStoreKind>(options.Store, ignoreCase: true, out _);
        if (!storeIsValid)
        {
            errors.Add($"{Prefix}Store is '{options.Store}'; it must be one of {string.Join(", ", Enum.GetNames<SecretStoreKind>())}.");
        }
        else if (options.StoreKind == SecretStoreKind.KeyVault)
        {
            if (options.VaultUri is null)
                errors.Add($"{Prefix}VaultUri is required when {Prefix}Store is KeyVault (e.g. https://my-vault.vault.azure.net/).");
            else if (!options.VaultUri.IsAbsoluteUri || options.VaultUri.Scheme != Uri.UriSchemeHttps)
                errors.Add($"{Prefix}VaultUri must be an absolute https address (got '{options.VaultUri}').");
        }
        else if (options.StoreKind == SecretStoreKind.Local)
        {
            if (string.IsNullOrWhiteSpace(options.LocalPath))
                errors.Add($"{Prefix}LocalPath is required when {Prefix}Store is Local.");
            else if (options.LocalPath.StartsWith(UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase))
                errors.Add($"{Prefix}LocalPath is an unresolved Key Vault reference; set a file path.");
        }

        if (options.CacheSeconds < 0)
            errors.Add($"{Prefix}CacheSeconds must be 0 (no cache) or more (got {options.CacheSeconds}).");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

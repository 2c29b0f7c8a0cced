using PsBill.Connector.Credentials;

namespace PsBill.Cli.Cli.Credentials;

/// <summary>What each secret is called when the operator is asked for it.</summary>
internal static class SecretLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [SecretNames.PeopleSoftOperatorId] = "PeopleSoft user (OPRID)",
        [SecretNames.PeopleSoftPassword] = "PeopleSoft password",
        [SecretNames.BillUsername] = "BILL username",
        [SecretNames.BillPassword] = "BILL password",
        [SecretNames.BillOrganizationId] = "BILL organization id",
        [SecretNames.BillDeveloperKey] = "BILL developer key",
        [SecretNames.WebhookSecurityKey] = "BILL webhook security key",
        [SecretNames.AdminKey] = "PsBill admin key",
    };

    public static string For(string secretName) => Labels.GetValueOrDefault(secretName, secretName);
}

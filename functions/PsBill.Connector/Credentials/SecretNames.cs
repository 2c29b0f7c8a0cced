namespace PsBill.Connector.Credentials;

/// <summary>The names of the connector's secrets, the same in Key Vault and in the local store
/// (Key Vault allows letters, digits and dashes).</summary>
public static class SecretNames
{
    public const string BillUsername = "bill-username";
    public const string BillPassword = "bill-password";
    public const string BillOrganizationId = "bill-organization-id";
    public const string BillDeveloperKey = "bill-dev-key";
    public const string PeopleSoftOperatorId = "peoplesoft-oprid";
    public const string PeopleSoftPassword = "peoplesoft-password";
    /// <summary>The current security key of the BILL webhook subscription.</summary>
    public const string WebhookSecurityKey = "bill-webhook-security-key";
    /// <summary>The key before the last rotation: it still verifies until it expires.</summary>
    public const string WebhookPreviousSecurityKey = "bill-webhook-security-key-previous";
    /// <summary>The key the standalone host's ops and admin endpoints ask for.</summary>
    public const string AdminKey = "psbill-admin-key";

    /// <summary>Every name above, e.g. for <c>SecretScrubber.FromStoreAsync</c> or a presence check.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BillUsername, BillPassword, BillOrganizationId, BillDeveloperKey, PeopleSoftOperatorId, PeopleSoftPassword,
        WebhookSecurityKey, WebhookPreviousSecurityKey, AdminKey,
    ];
}

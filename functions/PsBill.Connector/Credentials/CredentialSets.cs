namespace PsBill.Connector.Credentials;

/// <summary>The credential sets an operator sets together, and the secrets of each in the order
/// <c>psbill credentials set</c> reads them.</summary>
public static class CredentialSets
{
    /// <summary>PeopleSoft: OPRID, then password.</summary>
    public const string PeopleSoft = "peoplesoft";

    /// <summary>BILL: username, password, organization id, developer key.</summary>
    public const string Bill = "bill";

    /// <summary>The BILL webhook subscription's security key.</summary>
    public const string Webhook = "webhook";

    /// <summary>The standalone host's admin key.</summary>
    public const string Admin = "admin";

    /// <summary>Each set's secret names, in input order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SecretsBySet { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [PeopleSoft] = [SecretNames.PeopleSoftOperatorId, SecretNames.PeopleSoftPassword],
            [Bill] = [SecretNames.BillUsername, SecretNames.BillPassword, SecretNames.BillOrganizationId, SecretNames.BillDeveloperKey],
            [Webhook] = [SecretNames.WebhookSecurityKey],
            [Admin] = [SecretNames.AdminKey],
        };
}

using System.Security.Cryptography;
using System.Text;
using PsBill.Connector.Credentials;

namespace PsBill.Workflows.Gate;

/// <summary>
/// The key of an organization's BillGate slots. The organization id is a secret, and entity ids show up in the task hub,
/// in Durable Functions Monitor and in logs, so the key is a hash of it: every instance connected to the same BILL
/// organization computes the same key and shares the same 3 slots.
/// </summary>
public static class BillGateKey
{
    /// <summary>The key for the configured organization, or <c>unconfigured</c> when no organization id is stored.</summary>
    public static async Task<string> ForConfiguredOrganizationAsync(ISecretStore secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var organizationId = await secrets.TryGetAsync(SecretNames.BillOrganizationId, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(organizationId) ? "unconfigured" : Of(organizationId);
    }

    /// <summary>The key for <paramref name="organizationId"/>: 16 hex characters of SHA-256.</summary>
    public static string Of(string organizationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("psbill-billgate:" + organizationId.Trim()));
        return Convert.ToHexStringLower(hash)[..16];
    }
}

using PsBill.Connector.Bill;

namespace PsBill.Connector.Credentials.Checks;

/// <summary>Checks the BILL credential set by logging in with it (<c>GET /v3/login/session</c>, which logs in first).
/// In the CLI the process has no session yet, so this is a real login with the stored values; it spends one of the
/// 200 logins per developer key per hour.</summary>
public sealed class BillLoginCheck : ICredentialCheck
{
    private readonly BillClient _client;

    /// <param name="client">The BILL client (registered by <c>AddBillClient</c>).</param>
    public BillLoginCheck(BillClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public string Name => "BILL login";

    /// <inheritdoc />
    public string CredentialSet => CredentialSets.Bill;

    /// <inheritdoc />
    public async Task<CredentialCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var session = await _client.GetSessionDetailsAsync(cancellationToken).ConfigureAwait(false);
            return CredentialCheckResult.Passed($"BILL accepted the login (user {session.UserId ?? "unknown"})");
        }
        catch (BillApiException ex) when (ex.Kind == BillFailureKind.Authentication)
        {
            return CredentialCheckResult.Failed(
                $"BILL refused the login ({ex.Code}): check the username, password, organization id and developer key");
        }
        catch (BillApiException ex)
        {
            return CredentialCheckResult.Failed($"BILL answered {ex.Status} {ex.Code} ({ex.Kind}): {ex.Message}");
        }
        catch (SecretNotFoundException ex)
        {
            return CredentialCheckResult.Failed(ex.Message);
        }
    }
}

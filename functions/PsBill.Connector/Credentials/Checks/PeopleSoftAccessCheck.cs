using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Credentials.Checks;

/// <summary>Checks the PeopleSoft credential set with one real call as the OPRID: the first page of the GL accounts
/// query, which every sync runs anyway (reference data; reading it changes nothing). A 401 means the OPRID or password
/// is wrong, or the user lacks access to the query's permission list.</summary>
public sealed class PeopleSoftAccessCheck : ICredentialCheck
{
    private readonly PeopleSoftReader _reader;

    /// <param name="reader">The PeopleSoft reader (registered by <c>AddPeopleSoftClient</c>).</param>
    public PeopleSoftAccessCheck(PeopleSoftReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <inheritdoc />
    public string Name => "PeopleSoft call";

    /// <inheritdoc />
    public string CredentialSet => CredentialSets.PeopleSoft;

    /// <inheritdoc />
    public async Task<CredentialCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var rows = 0;
            await foreach (var _ in _reader.ReadGlAccountsAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                break; // one page proves access; the rest is the sync's business
            }

            return CredentialCheckResult.Passed($"PeopleSoft accepted the OPRID (GL accounts query answered{(rows == 0 ? " with no rows" : string.Empty)})");
        }
        catch (PeopleSoftException ex) when (ex.Kind == PeopleSoftErrorKind.Authentication)
        {
            return CredentialCheckResult.Failed(
                $"PeopleSoft refused the OPRID or password ({ex.Code}): check both, and that the user may run the PsBill queries "
                + "(repeated failures can lock the account)");
        }
        catch (PeopleSoftException ex)
        {
            return CredentialCheckResult.Failed($"PeopleSoft call failed ({ex.Kind}, {ex.Code}): {ex.Message}");
        }
        catch (SecretNotFoundException ex)
        {
            return CredentialCheckResult.Failed(ex.Message);
        }
    }
}

using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.PeopleSoft.Preflight;
using PsBill.Connector.Settlement;

namespace PsBill.Connector.Credentials.Checks;

/// <summary>Runs <see cref="PeopleSoftPreflight"/> as part of <c>psbill credentials check peoplesoft</c>: every query and
/// the CIs of the configured settlement mode, called as the OPRID. Passes when every line is OK; otherwise lists the
/// failing lines (<c>psbill peoplesoft check</c> prints them all, one per line).</summary>
public sealed class PeopleSoftPreflightCheck(PeopleSoftPreflight preflight, IOptions<SettlementOptions> settlement) : ICredentialCheck
{
    /// <inheritdoc />
    public string Name => "PeopleSoft queries and component interfaces";

    /// <inheritdoc />
    public string CredentialSet => CredentialSets.PeopleSoft;

    /// <inheritdoc />
    public async Task<CredentialCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var lines = await preflight.RunAsync(settlement.Value.PeopleSoftWriteTargets(), cancellationToken).ConfigureAwait(false);
            var failed = lines.Where(l => !l.Ok).ToList();
            return failed.Count == 0
                ? CredentialCheckResult.Passed($"all {lines.Count} answered as configured")
                : CredentialCheckResult.Failed($"{failed.Count} of {lines.Count} not ready: {string.Join("; ", failed.Select(l => $"{l.Subject}: {l.Message}"))}");
        }
        catch (SecretNotFoundException ex)
        {
            return CredentialCheckResult.Failed(ex.Message);
        }
    }
}

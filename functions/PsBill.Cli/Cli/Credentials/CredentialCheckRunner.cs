using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Connector.Diagnostics;

namespace PsBill.Cli.Cli.Credentials;

/// <summary>Runs the checks of some credential sets and prints one line each. For each set the
/// <see cref="StoredSecretsCheck"/> runs first; the registered <see cref="ICredentialCheck"/>s of that set (PeopleSoft
/// call, BILL login) run only when its secrets are all there. Every printed message is scrubbed of the stored
/// secret values, whatever a check put in it.</summary>
internal static class CredentialCheckRunner
{
    /// <returns>True when every check passed.</returns>
    public static async Task<bool> RunAsync(
        IServiceProvider services, IEnumerable<string> sets, TextWriter output, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ISecretStore>();
        var checks = services.GetServices<ICredentialCheck>().ToList();
        var scrubber = await SecretScrubber.FromStoreAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
        var allPassed = true;
        foreach (var set in sets)
        {
            var stored = await RunOneAsync(new StoredSecretsCheck(store, set), scrubber, output, cancellationToken).ConfigureAwait(false);
            allPassed &= stored;
            foreach (var check in checks.Where(c => string.Equals(c.CredentialSet, set, StringComparison.OrdinalIgnoreCase)))
            {
                if (!stored)
                {
                    await output.WriteLineAsync($"SKIP {check.Name}: its secrets are not all stored").ConfigureAwait(false);
                    continue;
                }

                allPassed &= await RunOneAsync(check, scrubber, output, cancellationToken).ConfigureAwait(false);
            }
        }

        return allPassed;
    }

    private static async Task<bool> RunOneAsync(
        ICredentialCheck check, SecretScrubber scrubber, TextWriter output, CancellationToken cancellationToken)
    {
        CredentialCheckResult result;
        try
        {
            result = await check.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A check should report failures as results; one that throws still must not end the run or leak a value.
            result = CredentialCheckResult.Failed($"{ex.GetType().Name}: {ex.Message}");
        }

        var line = $"{(result.Succeeded ? "OK  " : "FAIL")} {check.Name}: {result.Message}";
        await output.WriteLineAsync(scrubber.Scrub(line)).ConfigureAwait(false);
        return result.Succeeded;
    }
}

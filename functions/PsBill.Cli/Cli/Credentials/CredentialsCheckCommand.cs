using System.CommandLine;
using Microsoft.Extensions.Options;
using PsBill.Connector.Credentials;

namespace PsBill.Cli.Cli.Credentials;

/// <summary><c>psbill credentials check [peoplesoft|bill|webhook|admin]</c>: runs the checks of one set, or of all, and
/// prints one line each. Exit codes: 0 all passed, 1 a check failed, 2 the store could not be opened.</summary>
public static class CredentialsCheckCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="services">Gives the configured <see cref="ISecretStore"/> and the registered checks; called when the command runs.</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var set = new Argument<string?>("set")
        {
            Description = "peoplesoft, bill, webhook or admin; all when left out",
            Arity = ArgumentArity.ZeroOrOne,
        };
        set.AcceptOnlyFromAmong([.. CredentialSets.SecretsBySet.Keys]);
        var command = new Command("check", "Check the stored credentials: present, and accepted by PeopleSoft and BILL");
        command.Add(set);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosen = parseResult.GetValue(set);
            string[] sets = chosen is null ? [.. CredentialSets.SecretsBySet.Keys] : [chosen.ToLowerInvariant()];
            try
            {
                return await CredentialCheckRunner.RunAsync(services(), sets, parseResult.InvocationConfiguration.Output, cancellationToken)
                    ? 0
                    : 1;
            }
            catch (Exception ex) when (ex is SecretNotFoundException or OptionsValidationException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        });
        return command;
    }
}

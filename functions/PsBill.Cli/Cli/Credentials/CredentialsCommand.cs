using System.CommandLine;

namespace PsBill.Cli.Cli.Credentials;

/// <summary><c>psbill credentials</c>: <c>set peoplesoft|bill|webhook|admin</c> and <c>check</c>. The lead adds it to the
/// root command: <c>root.Add(CredentialsCommand.Create(() =&gt; BuildServices(...)))</c>.</summary>
public static class CredentialsCommand
{
    /// <summary>Builds the command group.</summary>
    /// <param name="services">Builds (or returns) the service provider with <c>AddPsBillCredentials</c> and any
    /// <c>ICredentialCheck</c> registrations; called only when a subcommand runs, so <c>--help</c> needs no configuration.</param>
    /// <param name="input">Where <c>set</c> reads values; null for the console (no echo, or stdin when redirected).</param>
    public static Command Create(Func<IServiceProvider> services, ISecretInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var command = new Command("credentials", "Store and check the PeopleSoft, BILL, webhook and admin credentials");
        command.Add(CredentialsSetCommand.Create(services, input));
        command.Add(CredentialsCheckCommand.Create(services));
        return command;
    }

    /// <summary>Builds the command group over an existing service provider.</summary>
    public static Command Create(IServiceProvider services, ISecretInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Create(() => services, input);
    }
}

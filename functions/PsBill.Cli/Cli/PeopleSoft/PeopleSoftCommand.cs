using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.Configuration;
using PsBill.Connector.Credentials;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.PeopleSoft.Preflight;
using PsBill.Connector.Settlement;

namespace PsBill.Cli.Cli.PeopleSoft;

/// <summary><c>psbill peoplesoft check</c>: the preflight before go-live (<see cref="PeopleSoftPreflight"/>), one line per
/// query and Component Interface. Exit codes: 0 all OK, 1 something is not ready, 2 the configuration or secrets are missing.</summary>
public static class PeopleSoftCommand
{
    /// <summary>Builds the command group.</summary>
    /// <param name="services">Gives the PeopleSoft client, its credentials and the settlement options; called when the command runs.</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var check = new Command("check", "Run every configured PeopleSoft query (maxrows=1) and call each Component Interface the settlement mode uses; print what is not ready and the setting that fixes it");
        check.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var provider = services();
                var targets = provider.GetRequiredService<IOptions<SettlementOptions>>().Value.PeopleSoftWriteTargets();
                var lines = await provider.GetRequiredService<PeopleSoftPreflight>().RunAsync(targets, cancellationToken).ConfigureAwait(false);
                foreach (var line in lines) await output.WriteLineAsync(line.ToString()).ConfigureAwait(false);
                return lines.All(l => l.Ok) ? 0 : 1;
            }
            catch (Exception ex) when (ex is SecretNotFoundException or OptionsValidationException or PsBillConfigurationException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return CommandFailures.ConfigurationError;
            }
        });
        return new Command("peoplesoft", "PeopleSoft set-up checks") { check };
    }

    /// <summary>The services the check needs: credentials, the PeopleSoft client and the settlement options, from <paramref name="configuration"/>.</summary>
    public static IServiceProvider Services(IConfiguration configuration) => new ServiceCollection()
        .AddLogging()
        .AddPsBillCredentials(configuration)
        .AddPeopleSoftClient(configuration)
        .AddPsBillOptions<SettlementOptions>(configuration, SettlementOptions.Section).Services
        .BuildServiceProvider();
}

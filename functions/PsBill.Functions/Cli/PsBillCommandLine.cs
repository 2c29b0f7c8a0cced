using Microsoft.Extensions.DependencyInjection;
using PsBill.Functions.Hosting;
using System.CommandLine;
using PsBill.Functions.Hosting.CustomHandler;

namespace PsBill.Functions.Cli;

/// <summary>The psbill command line. With no arguments under the Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set)
/// it serves the custom-handler protocol.</summary>
public static class PsBillCommandLine
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        // The Functions host starts the executable without arguments (host.json) and sets the port.
        if (args.Length == 0 && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CustomHandlerHost.PortVariable)))
            args = [ServeCommand.Name];

        return await Build().Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>The command tree (other components add their commands here).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("PsBill: PeopleSoft to BILL connector");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(FunctionsCommand.Create());
        root.Subcommands.Add(OpsCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(Settlements.SettlementsCommand.Create());
        Webhooks.WebhookCommand.AddTo(root);
        root.Subcommands.Add(PeopleSoft.PeopleSoftCommand.Create(() => PeopleSoft.PeopleSoftCommand.Services(AppConfiguration.Build())));
        // The credentials commands read and write the configured store (Key Vault or the local encrypted file) and
        // check them with a BILL login and a PeopleSoft query; the provider is built only when a command runs.
        root.Subcommands.Add(Credentials.CredentialsCommand.Create(
            () => new ServiceCollection().AddLogging().AddPsBill(AppConfiguration.Build()).BuildServiceProvider()));
        return root;
    }
}

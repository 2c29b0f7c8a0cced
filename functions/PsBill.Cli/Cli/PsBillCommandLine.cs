using Microsoft.Extensions.DependencyInjection;
using PsBill.Workflows;
using System.CommandLine;

namespace PsBill.Cli.Cli;

/// <summary>The psbill command line.</summary>
public static class PsBillCommandLine
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        return await Build().Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>The command tree (other components add their commands here).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("PsBill: PeopleSoft to BILL connector");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(OpsCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(Settlements.SettlementsCommand.Create());
        root.Subcommands.Add(Reconciliation.ReconcileCommand.Create());
        Webhooks.WebhookCommand.AddTo(root);
        root.Subcommands.Add(Sync.SyncCommand.Create());
        root.Subcommands.Add(Vendors.VendorsCommand.Create());
        root.Subcommands.Add(PeopleSoft.PeopleSoftCommand.Create(() => PeopleSoft.PeopleSoftCommand.Services(AppConfiguration.Build())));
        // The credentials commands read and write the configured store (Key Vault or the local encrypted file) and
        // check them with a BILL login and a PeopleSoft query; the provider is built only when a command runs.
        root.Subcommands.Add(Credentials.CredentialsCommand.Create(
            () => new ServiceCollection().AddLogging().AddPsBill(AppConfiguration.Build()).BuildServiceProvider()));
        return root;
    }
}

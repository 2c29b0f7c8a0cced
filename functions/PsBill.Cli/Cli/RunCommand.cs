using PsBill.Workflows;
using System.CommandLine;
using PsBill.Cli.Hosting;
using PsBill.Cli.Hosting.Standalone;

namespace PsBill.Cli.Cli;

/// <summary><c>psbill run</c>: the standalone host until Ctrl-C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the functions standalone: the Durable engine, the timers and the HTTP functions (Ctrl-C stops gracefully)");
        command.SetAction((_, cancellationToken) => CommandFailures.RunAsync(async () =>
        {
            await using var host = StandaloneHost.Create(AppConfiguration.Build());
            // Non-zero when the host stopped itself (e.g. storage unreachable): a supervisor restarts on failure.
            return await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}

using System.Globalization;
using PsBill.Sandbox.Phases;
using PsBill.Sandbox.Report;
using PsBill.Sandbox.World;

namespace PsBill.Sandbox;

/// <summary>One full cycle on a fresh sandbox world: start, run the phases, report, stop. Returns the exit code.</summary>
public static class SandboxRunner
{
    /// <summary>0 when nothing was duplicated and nothing failed; 1 otherwise; 2 when the run itself broke.</summary>
    public static async Task<int> RunAsync(SandboxArguments arguments, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var progress = new SandboxProgress(output);
        var settings = arguments.Settings;
        progress.Line(string.Create(CultureInfo.InvariantCulture,
            $"starting Azurite, simulated PeopleSoft ({settings.Suppliers} suppliers, {settings.Vouchers} vouchers) and BILL (latency {settings.BillLatency.TotalMilliseconds} ms, faults {settings.Faults.ToString().ToLowerInvariant()}), and the connector"));
        await using var world = await SandboxWorld.StartAsync(settings, cancellationToken: cancellationToken).ConfigureAwait(false);
        var started = progress.Elapsed;
        progress.Line("started");

        var failure = await RunPhasesAsync(world, progress, cancellationToken).ConfigureAwait(false);
        var report = await ReportBuilder.BuildAsync(world, progress.Elapsed - started, cancellationToken).ConfigureAwait(false);
        SummaryPrinter.Print(report, output, failure);
        if (arguments.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, ReportBuilder.ToJson(report), cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Report       {Path.GetFullPath(path)}");
        }
        progress.Line("stopping");
        if (failure is not null)
        {
            return 2;
        }
        return report.Passed ? 0 : 1;
    }

    private static async Task<string?> RunPhasesAsync(SandboxWorld world, SandboxProgress progress, CancellationToken cancellationToken)
    {
        var chaos = world.Settings.Faults == FaultMode.Chaos ? ChaosMonkey.Start(world) : null;
        try
        {
            var run = new SandboxRun(world, progress);
            foreach (var phase in SandboxPhases.Default) await phase.RunAsync(run, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            if (chaos is not null)
            {
                await chaos.DisposeAsync().ConfigureAwait(false);
                progress.Line($"chaos off (sessions expired mid-run: {chaos.SessionsExpired})");
            }
        }
    }
}

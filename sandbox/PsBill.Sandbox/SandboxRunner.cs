using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Metering;
using PsBill.Cli.Hosting.Standalone;
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

        var phases = new List<PhaseFigures>();
        var failure = await RunPhasesAsync(world, progress, phases, cancellationToken).ConfigureAwait(false);
        var report = await ReportBuilder.BuildAsync(world, progress.Elapsed - started, cancellationToken).ConfigureAwait(false) with { Phases = phases };
        SummaryPrinter.Print(report, output, failure);
        if (arguments.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, ReportBuilder.ToJson(report), cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Report       {Path.GetFullPath(path)}");
        }
        if (arguments.Keep && failure is null) await KeepAsync(world, output, cancellationToken).ConfigureAwait(false);
        progress.Line("stopping");
        if (failure is not null)
        {
            return 2;
        }
        return report.Passed ? 0 : 1;
    }

    private static async Task<string?> RunPhasesAsync(SandboxWorld world, SandboxProgress progress, List<PhaseFigures> phases, CancellationToken cancellationToken)
    {
        var chaos = world.Settings.Faults == FaultMode.Chaos ? ChaosMonkey.Start(world) : null;
        try
        {
            var run = new SandboxRun(world, progress);
            // An out-of-process connector (InProcessHost false) is not counted: its figures stay 0.
            var counter = (world.Host as StandaloneHost)?.Services.GetService<StorageOperationCounter>() ?? new StorageOperationCounter();
            foreach (var phase in SandboxPhases.Default)
            {
                var started = progress.Elapsed;
                var before = counter.Snapshot();
                await phase.RunAsync(run, cancellationToken).ConfigureAwait(false);
                var byKind = StorageOperationCounter.Delta(before, counter.Snapshot());
                var figures = new PhaseFigures
                {
                    Name = phase.Name, Seconds = Math.Round((progress.Elapsed - started).TotalSeconds, 1),
                    TableOperations = byKind.Values.Sum(), TableOperationsByKind = byKind,
                };
                phases.Add(figures);
                progress.Line(string.Create(CultureInfo.InvariantCulture, $"{phase.Name}: {figures.Seconds:0.0} s, {figures.TableOperations} table operations ({Largest(byKind)})"));
            }
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

    /// <summary><c>--keep</c>: leaves the world running for a person to look at, and says how to open the ops page. The admin
    /// key goes into a file only its owner can read; it is never printed, nor put into the URL.</summary>
    private static async Task KeepAsync(SandboxWorld world, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("psbill-sandbox-");
        var keyFile = Path.Combine(folder.FullName, "admin-key");
        await File.WriteAllTextAsync(keyFile, "", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(keyFile, world.Secrets[PsBill.Connector.Credentials.SecretNames.AdminKey], cancellationToken).ConfigureAwait(false);
        var page = new Uri(world.Host.BaseAddress, "/api/ops");
        output.WriteLine();
        output.WriteLine($"Ops page     {page}");
        output.WriteLine($"Sign in      paste the admin key from {keyFile} into the form (e.g. cat it; it is not printed here)");
        output.WriteLine($"Simulators   BILL {world.Bill.BaseUrl}  PeopleSoft {world.PeopleSoft.BaseUrl}");
        output.WriteLine("The world keeps running (timers off: use the page's \"now\" buttons). Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop the world as a normal end.
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The five largest counts, e.g. <c>psbillledger/write 800, psbillaudit/write 400</c>.</summary>
    private static string Largest(IReadOnlyDictionary<string, long> byKind) =>
        string.Join(", ", byKind.OrderByDescending(k => k.Value).Take(5).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value}")));
}

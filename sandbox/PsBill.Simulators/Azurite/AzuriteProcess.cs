using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PsBill.Simulators.Network;

namespace PsBill.Simulators.Azurite;

/// <summary>
/// Azurite (the Azure Storage emulator, pinned in package.json) started on loopback ports, in memory or on a data folder,
/// for one test run or one sandbox run, and stopped (by its own process id) on dispose. With a data folder it can be
/// stopped and started again on the same ports and data, which is what a storage outage looks like to a client.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's well-known account key (public, documented by Microsoft; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public const string AccountName = "devstoreaccount1";

    private readonly AzuriteOptions _options;
    private Process? _process;

    private AzuriteProcess(Process process, AzuriteOptions options)
    {
        _process = process;
        _options = options;
    }

    public int BlobPort => _options.BlobPort;
    public int QueuePort => _options.QueuePort;
    public int TablePort => _options.TablePort;

    /// <summary>The data folder, or null when the data is in memory.</summary>
    public string? Location => _options.Location;

    /// <summary>True between a start and a stop.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A storage connection string for this instance (the same across a stop and a start).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Starts Azurite in memory on free ports and waits until all three services listen.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed (run <c>npm ci</c>) or did not start in time.</exception>
    public static Task<AzuriteProcess> StartAsync(TimeSpan? startTimeout = null, CancellationToken cancellationToken = default) =>
        StartAsync(new AzuriteOptions(), startTimeout, cancellationToken);

    /// <summary>Starts Azurite as <paramref name="options"/> say and waits until all three services listen.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed (run <c>npm ci</c>) or did not start in time.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // One that will be restarted binds its ports again after an outage: take them below the ephemeral range, where no
        // client socket of the meantime can hold them (see LoopbackPort).
        if (options.Location is not null)
        {
            var picked = LoopbackPort.Pick(3);
            options = options with
            {
                BlobPort = options.BlobPort is 0 ? picked[0] : options.BlobPort,
                QueuePort = options.QueuePort is 0 ? picked[1] : options.QueuePort,
                TablePort = options.TablePort is 0 ? picked[2] : options.TablePort,
            };
        }
        var (process, ports) = await LaunchAsync(options, startTimeout, cancellationToken).ConfigureAwait(false);
        return new AzuriteProcess(process, options with { BlobPort = ports["Blob"], QueuePort = ports["Queue"], TablePort = ports["Table"] });
    }

    /// <summary>
    /// Stops the emulator as an outage would: SIGTERM, which closes its servers and saves its data folder, then a kill if it
    /// has not exited within <paramref name="grace"/> (default 10 s). Clients get refused connections until <see cref="RestartAsync"/>.
    /// </summary>
    /// <returns>True when it closed by itself (its data saved); false when it had to be killed.</returns>
    public async Task<bool> StopAsync(TimeSpan? grace = null)
    {
        if (_process is not { } process) return true;
        _process = null;
        var closed = true;
        try
        {
            if (!process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync().ConfigureAwait(false);
                using var wait = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // It did not close in time: what it had not saved is lost, as in a crash.
                    closed = false;
                }
            }
        }
        finally
        {
            Stop(process);
        }
        return closed;
    }

    /// <summary>Starts the emulator again on the same ports and data folder after <see cref="StopAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">It is running, it keeps its data in memory (a restart would be an empty
    /// account, not the end of an outage), or it did not start in time.</exception>
    public async Task RestartAsync(TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        if (IsRunning) throw new InvalidOperationException("Azurite is running: stop it first.");
        if (_options.Location is null) throw new InvalidOperationException("Azurite keeps its data in memory: a restart would lose it. Start it with a data folder.");
        var (process, _) = await LaunchAsync(_options, startTimeout, cancellationToken).ConfigureAwait(false);
        _process = process;
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { } process) Stop(process);
        _process = null;
        return ValueTask.CompletedTask;
    }

    private static async Task<(Process Process, Dictionary<string, int> Ports)> LaunchAsync(AzuriteOptions options, TimeSpan? startTimeout, CancellationToken cancellationToken)
    {
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = options.Location is null ? ["--inMemoryPersistence"] : ["--location", options.Location];
        foreach (var arg in storage.Concat(
                 [
                     "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", Port(options.BlobPort), "--queuePort", Port(options.QueuePort), "--tablePort", Port(options.TablePort),
                 ]))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            var match = ListeningLine().Match(e.Data);
            if (!match.Success) return;
            lock (ports)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                if (ports.Count == 3) ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(startTimeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw new InvalidOperationException("Azurite did not report its three listening ports in time.");
        }
        return (process, ports);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    /// <summary>node_modules/.bin/azurite in the nearest folder above the app that has one, or $PSBILL_AZURITE.</summary>
    private static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("PSBILL_AZURITE");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var origin in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException(
            "Azurite is not installed: run `npm ci` in the repository root (./test.sh and ./sandbox.sh do it), or set PSBILL_AZURITE.");
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PsBill.Simulators.Azurite;

/// <summary>
/// Azurite (the Azure Storage emulator, pinned in package.json) started on free loopback ports with
/// in-memory persistence, for one test run or one sandbox run, and stopped (by its own process id) on dispose.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's well-known account key (public, documented by Microsoft; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public const string AccountName = "devstoreaccount1";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>A storage connection string for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Starts Azurite and waits until all three services listen.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed (run <c>npm ci</c>) or did not start in time.</exception>
    public static async Task<AzuriteProcess> StartAsync(TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                 })
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
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
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

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        return ValueTask.CompletedTask;
    }

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

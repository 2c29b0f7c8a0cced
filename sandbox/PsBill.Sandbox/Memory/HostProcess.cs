using System.Diagnostics;

namespace PsBill.Sandbox.Memory;

/// <summary>
/// <c>psbill run</c> as a real child process: the built <c>functions/PsBill.Cli/bin/&lt;configuration&gt;/net10.0/psbill.dll</c>
/// started with <c>dotnet psbill.dll run</c>, configured only through its environment, in a working folder of its own (so
/// no local.settings.json is read). It can be killed the hard way (SIGKILL, nothing runs on the way out) and started
/// again on the same settings, as many times as a test likes; its output of every start goes to one log file. Only the
/// process this class started is ever killed, by its own id. The crash tests kill and restart it; the memory benchmark
/// reads its peak (<see cref="PeakMegabytes"/>): the connector's alone, the simulators stay in the sandbox's process.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _workingDirectory;
    private readonly Lock _logGate = new();
    private readonly StreamWriter _log;
    private Process? _process;
    private bool _closed;

    /// <param name="environment">The settings, as environment variables (<c>PsBill__Sync__RetryDelay</c>, ...).</param>
    /// <param name="workingDirectory">The child's working folder.</param>
    /// <param name="baseAddress">Where it serves HTTP (the same <c>PsBill__Standalone__Url</c> as in <paramref name="environment"/>).</param>
    /// <param name="logPath">The file its output goes to.</param>
    public HostProcess(IReadOnlyDictionary<string, string> environment, string workingDirectory, Uri baseAddress, string logPath)
    {
        _environment = environment;
        _workingDirectory = workingDirectory;
        BaseAddress = baseAddress;
        LogPath = logPath;
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
    }

    public Uri BaseAddress { get; }

    /// <summary>The child's stdout and stderr, every start.</summary>
    public string LogPath { get; }

    /// <summary>How many times it was started.</summary>
    public int Starts { get; private set; }

    /// <summary>True while the current child runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The current child's peak resident memory so far (the kernel's high-water mark), in MB; 0 before a start.</summary>
    public long PeakMegabytes()
    {
        if (_process is not { } process || process.HasExited) return 0;
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>The exit code of the last child once it has exited, else null.</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Starts a child and waits until it serves HTTP.</summary>
    /// <exception cref="InvalidOperationException">One runs already, or it exited or did not serve within <paramref name="timeout"/>.</exception>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (IsRunning) throw new InvalidOperationException("psbill run is running already.");
        _process?.Dispose();
        // Only what the test gives: nothing PsBill-related leaks in from the test process's own environment.
        var start = ConnectorLaunch.StartInfo(_environment, _workingDirectory);

        Starts++;
        var tag = $"[start {Starts}]";
        Write($"{tag} {TimeProvider.System.GetUtcNow():O} starting");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write($"{tag} {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write($"{tag} ! {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"psbill run exited with {process.ExitCode} while starting; see {LogPath}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync("/");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"psbill run did not serve {BaseAddress} within {timeout}; see {LogPath}:\n{Tail()}");
    }

    /// <summary>kill -9: the child gets no chance to finish anything.</summary>
    public async Task KillAsync(string why = "kill -9")
    {
        if (_process is not { } process || process.HasExited) return;
        Write($"[start {Starts}] {TimeProvider.System.GetUtcNow():O} {why}");
        process.Kill(entireProcessTree: true); // SIGKILL on Unix
        await process.WaitForExitAsync();
    }

    /// <summary>Waits until the child exits; true when it did within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is not { } process) return true;
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines of the log, for a failure message.</summary>
    public string Tail(int lines = 40)
    {
        lock (_logGate)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync("killed: the run is over");
        _process?.Dispose();
        lock (_logGate)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_logGate)
        {
            if (!_closed) _log.WriteLine(line);
        }
    }
}

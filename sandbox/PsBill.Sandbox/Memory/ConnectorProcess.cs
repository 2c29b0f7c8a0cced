using System.Diagnostics;

namespace PsBill.Sandbox.Memory;

/// <summary>
/// <c>psbill run</c> as a child process of its own (<see cref="ConnectorLaunch"/>), configured only through its
/// environment, so its memory is the connector's alone: the simulators and their data stay in the sandbox's process. Its
/// output goes to a log file; stopping it kills only this child, by its own id.
/// </summary>
internal sealed class ConnectorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ConnectorProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    /// <summary>The file the child's output goes to.</summary>
    public string LogPath { get; }

    /// <summary>True while the child runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The child's peak resident memory so far (the kernel's high-water mark), in MB.</summary>
    public long PeakMegabytes()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>Starts the child with <paramref name="environment"/> (and nothing PsBill-related of the sandbox's own).</summary>
    /// <exception cref="InvalidOperationException">The CLI is not built, or dotnet could not be started.</exception>
    public static ConnectorProcess Start(IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        var start = ConnectorLaunch.StartInfo(environment, workingDirectory);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var gate = new Lock();
        void Write(string line)
        {
            lock (gate) log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write("! " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ConnectorProcess(process, log, logPath);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }
}

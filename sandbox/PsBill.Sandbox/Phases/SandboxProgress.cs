using System.Globalization;

namespace PsBill.Sandbox.Phases;

/// <summary>Progress lines with the time since the run started, on the console (or nowhere, in tests).</summary>
public sealed class SandboxProgress(TextWriter? output)
{
    private readonly long _started = TimeProvider.System.GetTimestamp();

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => TimeProvider.System.GetElapsedTime(_started);

    /// <summary>Writes one line, prefixed with the elapsed time.</summary>
    public void Line(string text) => output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Elapsed.TotalSeconds,7:0.0}s] {text}"));
}

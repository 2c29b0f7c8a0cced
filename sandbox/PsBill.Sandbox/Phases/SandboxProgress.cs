using System.Globalization;

namespace PsBill.Sandbox.Phases;

/// <summary>Progress lines with the time since the run started, on the console (or nowhere, in tests).</summary>
public sealed class SandboxProgress(TextWriter? output)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private TimeSpan? _lastThrottled;

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => TimeProvider.System.GetElapsedTime(_started);

    /// <summary>Whether <see cref="BillFigures"/> would write a line now.</summary>
    public bool Due => _lastThrottled is not { } last || Elapsed - last >= Every;

    /// <summary>Writes one line, prefixed with the elapsed time.</summary>
    public void Line(string text) => output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Elapsed.TotalSeconds,7:0.0}s] {text}"));

    /// <summary>
    /// Writes a progress line about BILL's own figures, at most every two seconds (callers poll faster). The figures are
    /// read only for a line that is written: counting BILL's records walks all of them, and at the benchmark's size doing
    /// that on every poll took a few percent of the CPU the benchmark measures.
    /// </summary>
    public void BillFigures(string doing, Func<PsBill.Simulators.Bill.BillSimulatorFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!Due) return;
        _lastThrottled = Elapsed;
        var bill = figures();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"{doing} | BILL vendors {bill.Vendors,5} bills {bill.Bills,6} | calls {bill.Calls,6} (max {bill.MaxConcurrentCalls} at once)"));
    }
}

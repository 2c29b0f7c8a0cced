namespace PsBill.Simulators.Bill;

/// <summary>
/// Faults to inject, changeable while the simulator runs. Rates are drawn per call from the simulator's seeded random;
/// the "next N" counters are exact, for tests that need a fault at a known call.
/// </summary>
public sealed class BillSimulatorFaults
{
    private int _rateLimitBurst;
    private int _serverErrors;
    private int _dropCreates;

    /// <summary>Share of calls (0 to 1) answered 500 before anything is done.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of creates (0 to 1) that are committed and then lose their answer (see <see cref="DropMode"/>).</summary>
    public double CommitThenDropRate { get; set; }

    /// <summary>How a dropped create loses its answer. Default: the connection is reset.</summary>
    public CommitThenDropMode DropMode { get; set; } = CommitThenDropMode.Abort;

    /// <summary>The next <paramref name="count"/> authenticated calls are refused with <c>BDC_1322</c> (a burst from another integration).</summary>
    public void RejectNextCallsAsRateLimited(int count) => Interlocked.Add(ref _rateLimitBurst, count);

    /// <summary>The next <paramref name="count"/> authenticated calls are answered 500 before anything is done.</summary>
    public void FailNextCalls(int count) => Interlocked.Add(ref _serverErrors, count);

    /// <summary>The next <paramref name="count"/> creates are committed and then lose their answer.</summary>
    public void DropNextCreateResponses(int count) => Interlocked.Add(ref _dropCreates, count);

    /// <summary>The sandbox's <c>--faults chaos</c>: 3% of calls fail with a 500, 2% of creates commit and lose their
    /// answer (as <see cref="DropMode"/> says), and a burst of 5 <c>BDC_1322</c> as if another integration used the slots.</summary>
    public void ApplyChaos()
    {
        ServerErrorRate = 0.03;
        CommitThenDropRate = 0.02;
        RejectNextCallsAsRateLimited(5);
    }

    internal bool TakeRateLimitBurst() => TakeOne(ref _rateLimitBurst);
    internal bool TakeServerError() => TakeOne(ref _serverErrors);
    internal bool TakeDroppedCreate() => TakeOne(ref _dropCreates);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0) return false;
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current) return true;
        }
    }
}

namespace PsBill.Sandbox.World;

/// <summary>The faults the simulators inject during a sandbox run (<c>--faults</c>).</summary>
public enum FaultMode
{
    /// <summary>No injected faults (BILL's own admission rules still apply: 3 concurrent calls, hourly quota).</summary>
    None,

    /// <summary>5xx from both simulators, BILL creates committed and then answered with nothing, <c>BDC_1322</c> bursts, and
    /// every BILL session expired once mid-run.</summary>
    Chaos,
}

using System.Globalization;

namespace PsBill.Sandbox.Phases;

/// <summary>Waits until the host has worked off the queue (retries included), printing progress from BILL's own figures.</summary>
public sealed class DrainPhase(TimeSpan timeout) : ISandboxPhase
{
    /// <inheritdoc />
    public string Name => "Drain";

    /// <inheritdoc />
    public async Task RunAsync(SandboxRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lastPrint = TimeSpan.Zero;
        await run.World.DrainAsync(timeout, length =>
        {
            if (run.Progress.Elapsed - lastPrint < TimeSpan.FromSeconds(2)) return Task.CompletedTask;
            lastPrint = run.Progress.Elapsed;
            var bill = run.World.Bill.GetFigures();
            run.Progress.Line(string.Create(CultureInfo.InvariantCulture,
                $"working: {length,5} items queued | BILL vendors {bill.Vendors,5} bills {bill.Bills,6} | calls {bill.Calls,6} (max {bill.MaxConcurrentCalls} at once)"));
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        run.Progress.Line("queue drained");
    }
}

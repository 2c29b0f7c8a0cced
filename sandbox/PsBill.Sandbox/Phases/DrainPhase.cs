using System.Globalization;

namespace PsBill.Sandbox.Phases;

/// <summary>Waits until no orchestration is running (retries included), printing progress from BILL's own figures.</summary>
public sealed class DrainPhase(TimeSpan timeout) : ISandboxPhase
{
    /// <inheritdoc />
    public string Name => "Drain";

    /// <inheritdoc />
    public async Task RunAsync(SandboxRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lastPrint = TimeSpan.Zero;
        await run.World.Flows.WaitForIdleAsync(timeout, active =>
        {
            if (run.Progress.Elapsed - lastPrint < TimeSpan.FromSeconds(2)) return Task.CompletedTask;
            lastPrint = run.Progress.Elapsed;
            var bill = run.World.Bill.GetFigures();
            run.Progress.Line(string.Create(CultureInfo.InvariantCulture,
                $"working: {active,5} orchestrations | BILL vendors {bill.Vendors,5} bills {bill.Bills,6} | calls {bill.Calls,6} (max {bill.MaxConcurrentCalls} at once)"));
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        run.Progress.Line("all work done");
    }
}

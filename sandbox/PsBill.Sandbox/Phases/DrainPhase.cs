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
        await run.World.Flows.WaitForIdleAsync(timeout, async () =>
        {
            // Counted only for a line that is printed (every 2 s): a count reads every running instance's row.
            if (!run.Progress.Due) return;
            var active = await run.World.Flows.ActiveCountAsync(cancellationToken).ConfigureAwait(false);
            run.Progress.BillFigures(string.Create(CultureInfo.InvariantCulture, $"working: {active,5} orchestrations"), run.World.Bill.GetFigures);
        }, cancellationToken).ConfigureAwait(false);
        run.Progress.Line("all work done");
    }
}

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
        await run.World.Flows.WaitForIdleAsync(timeout, active =>
        {
            run.Progress.BillFigures(string.Create(CultureInfo.InvariantCulture, $"working: {active,5} orchestrations"), run.World.Bill.GetFigures);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        run.Progress.Line("all work done");
    }
}

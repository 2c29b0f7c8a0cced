namespace PsBill.Sandbox.Phases;

/// <summary>Starts one timer flow, as its timer would (SyncReferenceData, PollSuppliers, PollVouchers), and waits until its
/// orchestration completes (every page read, every batch sent), printing progress from BILL's own figures.</summary>
public sealed class TimerFunctionPhase(string function, string description) : ISandboxPhase
{
    /// <inheritdoc />
    public string Name => function;

    /// <inheritdoc />
    public async Task RunAsync(SandboxRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Progress.Line($"{function}: {description}");
        await run.World.Flows.RunAsync(function, SandboxPhases.DrainTimeout, () =>
        {
            run.Progress.BillFigures($"{function}: running", run.World.Bill.GetFigures);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        run.Progress.Line($"{function}: done");
    }
}

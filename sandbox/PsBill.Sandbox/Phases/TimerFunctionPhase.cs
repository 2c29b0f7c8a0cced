using System.Globalization;

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
        var lastPrint = run.Progress.Elapsed;
        await run.World.Flows.RunAsync(function, SandboxPhases.DrainTimeout, () =>
        {
            if (run.Progress.Elapsed - lastPrint < TimeSpan.FromSeconds(2)) return Task.CompletedTask;
            lastPrint = run.Progress.Elapsed;
            var bill = run.World.Bill.GetFigures();
            run.Progress.Line(string.Create(CultureInfo.InvariantCulture,
                $"{function}: running | BILL vendors {bill.Vendors,5} bills {bill.Bills,6} | calls {bill.Calls,6} (max {bill.MaxConcurrentCalls} at once)"));
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        run.Progress.Line($"{function}: done");
    }
}

namespace PsBill.Sandbox.Phases;

/// <summary>Runs one timer function once, as its timer would (SyncReferenceData, PollSuppliers, PollVouchers).</summary>
public sealed class TimerFunctionPhase(string function, string description) : ISandboxPhase
{
    /// <inheritdoc />
    public string Name => function;

    /// <inheritdoc />
    public async Task RunAsync(SandboxRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Progress.Line($"{function}: {description}");
        await run.World.InvokeTimerAsync(function, cancellationToken).ConfigureAwait(false);
        run.Progress.Line($"{function}: done, {await run.World.QueueLengthAsync(cancellationToken).ConfigureAwait(false)} work items on the queue");
    }
}

namespace PsBill.Sandbox.Phases;

/// <summary>
/// One step of a sandbox run (sync reference data, poll suppliers, poll vouchers, drain the queue, ...). The runner runs
/// <see cref="SandboxPhases.Default"/> in order; a component adds its own phase there (the settlement flow adds payments
/// after the drain).
/// </summary>
public interface ISandboxPhase
{
    /// <summary>A short name for the progress lines.</summary>
    string Name { get; }

    /// <summary>Runs the phase.</summary>
    Task RunAsync(SandboxRun run, CancellationToken cancellationToken = default);
}

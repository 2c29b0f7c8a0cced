namespace PsBill.Workflows.Flows;

/// <summary>The retry rules and slot count a flow runs with, read from settings when it starts and carried in its input,
/// so a replayed orchestration makes the same decisions as its first execution.</summary>
/// <param name="MaxRetries">"Retry later" rounds of an item before it is recorded as failed.</param>
/// <param name="ActivityAttempts">Attempts of an activity that throws.</param>
/// <param name="ActivityFirstRetryDelay">The first wait after an activity threw (doubling).</param>
/// <param name="ActivityMaxRetryDelay">The longest wait between attempts.</param>
/// <param name="Slots">BillGate slots (BILL calls in flight per organization).</param>
public sealed record WorkSettings(int MaxRetries, int ActivityAttempts, TimeSpan ActivityFirstRetryDelay, TimeSpan ActivityMaxRetryDelay, int Slots);

namespace PsBill.Simulators.Bill;

/// <summary>How the simulated BILL behaves. Defaults follow BILL's published limits.</summary>
public sealed class BillSimulatorOptions
{
    /// <summary>The clock for session expiry, hourly quotas and timestamps. Latency and webhook retry pauses run on the
    /// real clock regardless, so a test on a fake clock never stalls.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>A session ends after this long without a call (BILL: 35 minutes).</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(35);

    /// <summary>Calls in flight per organization before <c>BDC_1322</c> (BILL: 3).</summary>
    public int MaxConcurrentCallsPerOrganization { get; init; } = 3;

    /// <summary>Calls per organization per clock hour before <c>BDC_1144</c> (BILL: 20,000 per developer key).</summary>
    public int HourlyCallQuota { get; init; } = 20_000;

    /// <summary>Logins per developer key per clock hour (BILL: 200).</summary>
    public int HourlyLoginLimit { get; init; } = 200;

    /// <summary>Time each call spends in the server, holding its concurrency place.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Random extra time added to <see cref="Latency"/>, from zero to this.</summary>
    public TimeSpan LatencyJitter { get; init; } = TimeSpan.Zero;

    /// <summary>Who may log in. Default: <see cref="SimulatedCredentials.Default"/>.</summary>
    public IReadOnlyList<SimulatedCredentials> Credentials { get; init; } = [SimulatedCredentials.Default];

    /// <summary>Seed for fault injection and jitter, for reproducible runs; null for a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Pauses between webhook delivery attempts after a non-200 answer (BILL: about five, exponential).</summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    /// <summary>A webhook delivery fails without a 200 within this time (BILL: 10 seconds).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

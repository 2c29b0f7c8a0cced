namespace PsBill.Connector.Alerts.Health;

/// <summary>One flow's lag: how long since it last succeeded, against the most it may be.</summary>
/// <param name="Flow">SyncReferenceData, PollSuppliers, PollVouchers or PollPayments.</param>
/// <param name="LastSuccess">The end of the last successful run, or null when none is known.</param>
/// <param name="Lag">Now minus <paramref name="LastSuccess"/> (null when it never succeeded).</param>
/// <param name="MaxLag">The setting (<c>PsBill:Alerts:MaxLag:{Flow}</c>).</param>
public sealed record FlowHealth(string Flow, DateTimeOffset? LastSuccess, TimeSpan? Lag, TimeSpan MaxLag)
{
    /// <summary>True when the flow succeeded within <see cref="MaxLag"/>.</summary>
    public bool Healthy => Lag is { } lag && lag <= MaxLag;
}

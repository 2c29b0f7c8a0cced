namespace PsBill.Connector.Alerts.Health;

/// <summary>When each flow last ran successfully. Read from the <c>runs</c> table today (<see cref="RunStoreFlowHistory"/>);
/// the Durable host can answer it from its orchestration instances instead.</summary>
public interface IFlowRunHistory
{
    /// <summary>The end of the newest successful run of <paramref name="flow"/>, or null when it never succeeded.</summary>
    Task<DateTimeOffset?> LastSuccessAsync(string flow, CancellationToken cancellationToken = default);
}

namespace PsBill.Connector.Alerts.Channels;

/// <summary>Somewhere an alert can be sent.</summary>
public interface IAlertChannel
{
    /// <summary>A short name for logs (<c>webhook</c>, <c>email</c>).</summary>
    string Name { get; }

    /// <summary>Sends the alert; throws when it could not.</summary>
    Task SendAsync(Alert alert, CancellationToken cancellationToken = default);
}

namespace PsBill.Connector.Sync.Engine;

/// <summary>How an update or archive of an existing BILL object went.</summary>
/// <param name="Applied">True when BILL now holds the change.</param>
/// <param name="Refusal">Why the change was not made (e.g. the bill is paid), for the operator.</param>
public sealed record RemoteChange(bool Applied, string? Refusal = null)
{
    /// <summary>Done.</summary>
    public static readonly RemoteChange Done = new(true);

    /// <summary>Not made, for this reason (the record is parked with it).</summary>
    public static RemoteChange Refused(string reason) => new(false, reason);
}

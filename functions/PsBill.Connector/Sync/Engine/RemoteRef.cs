namespace PsBill.Connector.Sync.Engine;

/// <summary>An object found in BILL.</summary>
/// <param name="Id">Its BILL id.</param>
/// <param name="Archived">Whether it is archived.</param>
public sealed record RemoteRef(string Id, bool Archived);

namespace PsBill.Connector.Bill.Session;

/// <summary>A logged-in BILL session. <see cref="ToString"/> never shows the session id or developer key.</summary>
internal sealed record BillSession(string SessionId, string DeveloperKey, string OrganizationId, DateTimeOffset LoggedInAt)
{
    public override string ToString() => $"BILL session for organization {OrganizationId} since {LoggedInAt:O}";
}

namespace PsBill.Connector.Bill.Session;

/// <summary>The body of <c>POST /v3/login</c>. Holds secrets: never logged.</summary>
internal sealed record LoginRequest(string Username, string Password, string OrganizationId, string DevKey)
{
    public override string ToString() => $"login to organization {OrganizationId}";
}

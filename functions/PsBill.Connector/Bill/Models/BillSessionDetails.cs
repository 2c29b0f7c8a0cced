namespace PsBill.Connector.Bill.Models;

/// <summary>What <c>GET /v3/login/session</c> says about the current session.</summary>
public sealed record BillSessionDetails
{
    public string? OrganizationId { get; init; }
    public string? UserId { get; init; }
    public string? MfaStatus { get; init; }
    public bool? MfaBypass { get; init; }
}

namespace PsBill.Connector.Bill.Session;

/// <summary>The answer of <c>POST /v3/login</c>.</summary>
internal sealed record LoginResponse
{
    public string? OrganizationId { get; init; }
    public string? SessionId { get; init; }
    public bool? Trusted { get; init; }
    public string? UserId { get; init; }
}

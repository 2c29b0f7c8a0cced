using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Bill.Webhooks;

/// <summary>The body of <c>POST /v3/subscriptions/{id}/test</c>; every field is optional. Entity details
/// (e.g. <c>"payment": {...}</c>) go in <see cref="Entities"/>.</summary>
public sealed record WebhookTestEventRequest
{
    public string? EventType { get; init; }
    public string? Version { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Entities { get; init; }
}

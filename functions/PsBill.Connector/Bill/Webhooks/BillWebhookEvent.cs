using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill.Webhooks;

/// <summary>A webhook notification body: metadata plus the entity it is about. Parse it only after
/// <see cref="WebhookSignatureVerifier"/> accepted the raw bytes, and confirm with a GET before acting (BILL's advice).</summary>
public sealed record BillWebhookEvent
{
    public WebhookEventMetadata? Metadata { get; init; }
    public Payment? Payment { get; init; }
    public VendorBill? Bill { get; init; }
    public Vendor? Vendor { get; init; }

    /// <summary>Parses a notification body with the client's JSON settings.</summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not a notification.</exception>
    public static BillWebhookEvent Parse(ReadOnlySpan<byte> body) =>
        System.Text.Json.JsonSerializer.Deserialize<BillWebhookEvent>(body, BillJson.Options)
        ?? throw new System.Text.Json.JsonException("The webhook body is empty.");
}

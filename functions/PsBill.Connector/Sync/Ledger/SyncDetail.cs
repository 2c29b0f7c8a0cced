using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Sync.Ledger;

/// <summary>
/// What the sync keeps in <c>LedgerEntry.Detail</c> (JSON) to resolve an unknown outcome: the vendor name or the
/// vendor and invoice number it sent, so the record can be found in BILL again. Never a secret.
/// </summary>
public sealed record SyncDetail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The vendor name sent (vendors).</summary>
    public string? Name { get; init; }

    /// <summary>The marker sent in the vendor's <c>shortName</c> (vendors): <c>SETID:VENDOR_ID</c>.</summary>
    public string? Marker { get; init; }

    /// <summary>The invoice number sent (bills).</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>The BILL vendor id the bill was sent for (bills).</summary>
    public string? VendorId { get; init; }

    /// <summary>Why the record is parked, when it is.</summary>
    public ParkCause? Cause { get; init; }

    /// <summary>True once the call of the current intent has returned without a clear answer: the next attempt may look the
    /// record up at once instead of waiting for the in-flight timeout.</summary>
    public bool CallEnded { get; init; }

    /// <summary>True when a create may have reached BILL before the record was parked or skipped: look it up before creating it.</summary>
    public bool NeedsLookup { get; init; }

    /// <summary>True on a row written only to record a park or skip: no call was ever made for it.</summary>
    public bool Placeholder { get; init; }

    /// <summary>True when the BILL object existed before PsBill (keyed in by hand) and was adopted rather than created.</summary>
    public bool Adopted { get; init; }

    /// <summary>Reads the detail of a ledger row (empty detail when there is none or it is not ours).</summary>
    public static SyncDetail Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new SyncDetail();
        try
        {
            return JsonSerializer.Deserialize<SyncDetail>(text, Json) ?? new SyncDetail();
        }
        catch (JsonException)
        {
            return new SyncDetail();
        }
    }

    /// <summary>The JSON for <c>LedgerEntry.Detail</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

using System.Text.Json.Serialization;
using Azure;

namespace PsBill.Connector.Storage.Ledger;

/// <summary>
/// The dedup record of one source record (<c>voucher:{BU}:{VOUCHER_ID}</c>, <c>supplier:{SETID}:{VENDOR_ID}</c>,
/// <c>payment:{billPaymentId}:{billId}</c>): what was sent, what the far side answered, and where it stands.
/// Change it with <c>with</c> and write it back through <see cref="LedgerStore.UpdateAsync"/> (ETag-checked).
/// </summary>
public sealed record LedgerEntry
{
    /// <summary>The source key, e.g. <c>voucher:US001:00012345</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Where the record stands.</summary>
    public required LedgerState State { get; init; }

    /// <summary>The id on the far side (BILL vendor/bill id, or the PeopleSoft payment reference), once known.</summary>
    public string? RemoteId { get; init; }

    /// <summary>Hash of the payload last sent, so an unchanged record is not sent again.</summary>
    public string? PayloadHash { get; init; }

    /// <summary>Why the record is parked, in plain words for the operator.</summary>
    public string? ParkedReason { get; init; }

    /// <summary>How many times the record was attempted.</summary>
    public int Attempts { get; init; }

    /// <summary>The run that last touched the record.</summary>
    public string? RunId { get; init; }

    /// <summary>Free-form detail the component needs to recover an unknown outcome (e.g. the vendor name or invoice
    /// number used, as JSON). Never a secret.</summary>
    public string? Detail { get; init; }

    /// <summary>When the row was last written (set by the store).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The row's ETag as read; <see cref="LedgerStore.UpdateAsync"/> succeeds only if it still matches.</summary>
    [JsonIgnore]
    public ETag ETag { get; init; }

    /// <summary>The kind part of the key: <c>voucher</c> for <c>voucher:US001:1</c>.</summary>
    public string Kind => LedgerStore.KindOf(Key);
}

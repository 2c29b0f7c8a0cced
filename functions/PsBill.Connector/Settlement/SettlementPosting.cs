using System.Text.Json;
using System.Text.Json.Serialization;
using PsBill.Connector.Work;

namespace PsBill.Connector.Settlement;

/// <summary>
/// One allocation of a BILL payment to one bill, as it is (or was) posted to the bill's voucher. Kept as JSON in the
/// ledger row's <c>Detail</c>, so a later attempt knows exactly what an earlier one sent (and in which mode) when it
/// has to find, adopt or reverse it.
/// </summary>
public sealed record SettlementPosting
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The BILL payment id (<c>stp...</c>).</summary>
    public required string PaymentId { get; init; }

    /// <summary>The BILL bill id the amount was applied to.</summary>
    public required string BillId { get; init; }

    /// <summary>The voucher's business unit, or null when no voucher is known for the bill.</summary>
    public string? BusinessUnit { get; init; }

    /// <summary>The voucher id, or null when no voucher is known for the bill.</summary>
    public string? VoucherId { get; init; }

    /// <summary>The amount BILL applied to this bill (positive).</summary>
    public required decimal Amount { get; init; }

    /// <summary>The payment reference in PeopleSoft: BILL's confirmation number, else its transaction number, else the payment id.</summary>
    public required string Reference { get; init; }

    /// <summary>The day BILL paid (its process date).</summary>
    public required DateOnly PaymentDate { get; init; }

    /// <summary>PYMNT_METHOD of the recorded payment.</summary>
    public required string Method { get; init; }

    /// <summary>The mode the posting uses; a reversal uses the same.</summary>
    public SettlementMode Mode { get; init; }

    /// <summary>What the row's current intent does.</summary>
    public SettlementOperation Operation { get; init; }

    /// <summary>True when the last attempt failed before its request reached PeopleSoft: nothing was posted by it.</summary>
    public bool Unsent { get; init; }

    /// <summary>What PeopleSoft (or the staging table) calls the posting: the reference, a JOURNAL_ID or a staged row.</summary>
    public string? RemoteId { get; init; }

    /// <summary>What PeopleSoft calls the reversal, once made.</summary>
    public string? ReversalRemoteId { get; init; }

    /// <summary>The ledger key <c>payment:{paymentId}:{billId}</c>.</summary>
    [JsonIgnore]
    public string Key => ItemKeys.Payment(PaymentId, BillId);

    /// <summary>The voucher's ledger key, or null when no voucher is known.</summary>
    [JsonIgnore]
    public string? VoucherKey => BusinessUnit is null || VoucherId is null ? null : ItemKeys.Voucher(BusinessUnit, VoucherId);

    /// <summary>The JSON kept in the ledger row.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a ledger row's detail; null when there is none or it is not a settlement posting.</summary>
    public static SettlementPosting? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<SettlementPosting>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Sync.Snapshots;

/// <summary>How PeopleSoft records are written into and read from snapshots.</summary>
public static class SnapshotJson
{
    // Computed properties (Key, IsApproved, Distributions) are left out: they follow from the rest.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { IgnoreReadOnlyProperties = true };

    /// <summary>A supplier's snapshot.</summary>
    public static SourceSnapshot Of(PeopleSoftSupplier supplier) => new(supplier.Key, JsonSerializer.Serialize(supplier, Json));

    /// <summary>A voucher's snapshot.</summary>
    public static SourceSnapshot Of(PeopleSoftVoucher voucher) => new(voucher.Key, JsonSerializer.Serialize(voucher, Json));

    /// <summary>The supplier in a snapshot.</summary>
    public static PeopleSoftSupplier? Supplier(SourceSnapshot? snapshot) => snapshot is null ? null : JsonSerializer.Deserialize<PeopleSoftSupplier>(snapshot.Json, Json);

    /// <summary>The voucher in a snapshot.</summary>
    public static PeopleSoftVoucher? Voucher(SourceSnapshot? snapshot) => snapshot is null ? null : JsonSerializer.Deserialize<PeopleSoftVoucher>(snapshot.Json, Json);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Work;

/// <summary>What a work item is about; decides which <see cref="IWorkItemHandler"/> runs it. Open and string-backed:
/// a component adds a kind by using a new value. The value is also the prefix of the item's keys (<c>voucher:...</c>).</summary>
[JsonConverter(typeof(WorkItemKindJsonConverter))]
public readonly record struct WorkItemKind(string Value)
{
    /// <summary>A PeopleSoft supplier to upsert as a BILL vendor (keys <c>supplier:{SETID}:{VENDOR_ID}</c>).</summary>
    public static readonly WorkItemKind Supplier = new("supplier");

    /// <summary>An approved PeopleSoft voucher to create as a BILL bill (keys <c>voucher:{BU}:{VOUCHER_ID}</c>).</summary>
    public static readonly WorkItemKind Voucher = new("voucher");

    /// <summary>A BILL payment to settle in PeopleSoft (keys <c>payment:{billPaymentId}:{billId}</c>).</summary>
    public static readonly WorkItemKind Payment = new("payment");

    /// <inheritdoc />
    public override string ToString() => Value;

    private sealed class WorkItemKindJsonConverter : JsonConverter<WorkItemKind>
    {
        public override WorkItemKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("A work item kind cannot be null."));

        public override void Write(Utf8JsonWriter writer, WorkItemKind value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}

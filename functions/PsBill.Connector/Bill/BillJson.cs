using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Bill;

/// <summary>BILL's JSON: camelCase, nulls left out (so an update sends only what it changes), dates as <c>yyyy-MM-dd</c>.</summary>
public static class BillJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

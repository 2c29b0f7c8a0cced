using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>A ledger row as the operator reads it: the detail JSON the components keep is spread into named fields.</summary>
/// <param name="State">Where the record stands.</param>
/// <param name="RemoteId">The far side's id.</param>
/// <param name="ParkedReason">Why it is parked.</param>
/// <param name="Attempts">How often it was tried.</param>
/// <param name="UpdatedAt">When the row was last written.</param>
/// <param name="RunId">The run that last touched it.</param>
/// <param name="Fields">The row's detail as name/value pairs (flags that are off and empty values left out).</param>
public sealed record LedgerView(string State, string? RemoteId, string? ParkedReason, int Attempts, DateTimeOffset UpdatedAt, string? RunId, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The view of a row.</summary>
    public static LedgerView Of(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new LedgerView(entry.State.Value, entry.RemoteId, entry.ParkedReason, entry.Attempts, entry.UpdatedAt, entry.RunId, FieldsOf(entry.Detail));
    }

    private static Dictionary<string, string> FieldsOf(string? detail)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(detail)) return fields;
        try
        {
            if (JsonNode.Parse(detail) is JsonObject json)
            {
                foreach (var (name, value) in json)
                {
                    if (value is null || (value.GetValueKind() == JsonValueKind.False)) continue;
                    var text = value.GetValueKind() switch
                    {
                        JsonValueKind.String => value.GetValue<string>(),
                        JsonValueKind.True => "yes",
                        JsonValueKind.Number => value.ToJsonString(),
                        _ => value.ToJsonString(),
                    };
                    if (text.Length > 0) fields[name] = text;
                }
                return fields;
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown as it is below.
        }
        fields["detail"] = detail.ToString(CultureInfo.InvariantCulture);
        return fields;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PsBill.Simulators.Bill.Http;

/// <summary>Field checks shared by the endpoints; each failure becomes one entry of BILL's error array naming the field.</summary>
internal static class FieldRules
{
    public static string? RequireText(JsonObject record, string field, string where, List<SimulatedError> errors)
    {
        var text = OptionalText(record, field);
        if (string.IsNullOrWhiteSpace(text)) errors.Add(Invalid(where, field, "is required"));
        return text;
    }

    public static string? OptionalText(JsonObject record, string field) =>
        record[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static DateOnly? RequireDate(JsonObject record, string field, string where, List<SimulatedError> errors)
    {
        var text = OptionalText(record, field);
        if (text is null)
        {
            errors.Add(Invalid(where, field, "is required (yyyy-MM-dd)"));
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(Invalid(where, field, $"must be a date as yyyy-MM-dd, not '{text}'"));
        return null;
    }

    public static decimal? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) ? number : null;

    public static SimulatedError Invalid(string where, string field, string problem) =>
        new(SimulatedErrorCodes.InvalidField, $"{Join(where, field)} {problem}.");

    public static string Join(string where, string field) => where.Length == 0 ? field : $"{where}.{field}";

    /// <summary>Copies every field of <paramref name="changes"/> onto <paramref name="target"/>, merging nested objects.</summary>
    public static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (name, value) in changes)
        {
            if (value is JsonObject nested && target[name] is JsonObject existing) Merge(existing, nested);
            else target[name] = value?.DeepClone();
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PsBill.Simulators.Bill.Lists;

/// <summary>Reads a dotted field (<c>address.country</c>) of a stored record and compares values the way BILL's lists
/// do: instants as instants, numbers as numbers, booleans and strings as text (case-insensitive).</summary>
internal static class JsonField
{
    public static string? Text(JsonObject record, string path)
    {
        JsonNode? node = record;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null) return null;
        }

        return node switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>Orders two field values; null sorts first.</summary>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null) return left is null ? (right is null ? 0 : -1) : 1;
        if (LooksLikeInstant(left) && LooksLikeInstant(right)
            && DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b))
            return a.CompareTo(b);
        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            return x.CompareTo(y);
        return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    private static bool LooksLikeInstant(string text) => text.Length >= 10 && text[4] == '-' && text[7] == '-' && char.IsDigit(text[0]);
}

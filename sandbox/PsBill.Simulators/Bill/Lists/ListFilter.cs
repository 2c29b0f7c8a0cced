using System.Text;

namespace PsBill.Simulators.Bill.Lists;

/// <summary>One <c>field:op:value</c> filter of a list call. Values may be quoted (<c>name:eq:"Acme, Inc."</c>);
/// <c>in</c>/<c>nin</c> take comma-separated values.</summary>
internal sealed record ListFilter(string Field, string Operator, string Value)
{
    private static readonly HashSet<string> Operators = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "sw"];

    public bool Matches(System.Text.Json.Nodes.JsonObject record)
    {
        var actual = JsonField.Text(record, Field);
        return Operator switch
        {
            "eq" => actual is not null && JsonField.Compare(actual, Value) == 0,
            "ne" => actual is null || JsonField.Compare(actual, Value) != 0,
            "gt" => actual is not null && JsonField.Compare(actual, Value) > 0,
            "gte" => actual is not null && JsonField.Compare(actual, Value) >= 0,
            "lt" => actual is not null && JsonField.Compare(actual, Value) < 0,
            "lte" => actual is not null && JsonField.Compare(actual, Value) <= 0,
            "in" => actual is not null && Value.Split(',').Any(v => JsonField.Compare(actual, v.Trim()) == 0),
            "nin" => actual is null || !Value.Split(',').Any(v => JsonField.Compare(actual, v.Trim()) == 0),
            "sw" => actual is not null && actual.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Parses BILL's <c>filters</c> parameter; null with a reason when it is malformed.</summary>
    public static IReadOnlyList<ListFilter>? ParseAll(string? text, out string? problem)
    {
        problem = null;
        var filters = new List<ListFilter>();
        if (string.IsNullOrWhiteSpace(text)) return filters;
        var position = 0;
        while (position < text.Length)
        {
            var field = ReadUntilColon(text, ref position);
            var op = ReadUntilColon(text, ref position)?.ToLowerInvariant();
            if (field is null || op is null || !Operators.Contains(op))
            {
                problem = $"Invalid filter at position {position}: expected field:op:value with op one of {string.Join(", ", Operators)}.";
                return null;
            }

            filters.Add(new ListFilter(field.Trim(), op, ReadValue(text, ref position)));
        }

        return filters;
    }

    private static string? ReadUntilColon(string text, ref int position)
    {
        var colon = text.IndexOf(':', position);
        if (colon < 0) return null;
        var part = text[position..colon];
        position = colon + 1;
        return part.Length == 0 ? null : part;
    }

    private static string ReadValue(string text, ref int position)
    {
        var value = new StringBuilder();
        if (position < text.Length && text[position] == '"')
        {
            var close = text.IndexOf('"', position + 1);
            if (close < 0) close = text.Length;
            value.Append(text, position + 1, close - position - 1);
            position = Math.Min(text.Length, close + 1);
        }
        else
        {
            var comma = text.IndexOf(',', position);
            if (comma < 0) comma = text.Length;
            value.Append(text, position, comma - position);
            position = comma;
        }

        if (position < text.Length && text[position] == ',') position++;
        return value.ToString();
    }
}

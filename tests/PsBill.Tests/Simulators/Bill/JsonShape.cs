using System.Text.Json;
using System.Text.Json.Nodes;

namespace PsBill.Tests.Simulators.Bill;

/// <summary>Compares an answer with BILL's example: same root kind, no field names BILL does not use, and the same JSON
/// kind wherever both have a field.</summary>
internal static class JsonShape
{
    public static IEnumerable<string> Names(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    yield return name;
                    foreach (var inner in Names(value)) yield return inner;
                }

                break;
            case JsonArray array:
                foreach (var inner in array.SelectMany(Names)) yield return inner;
                break;
        }
    }

    /// <summary>Problems found, as readable lines (none when the shapes agree).</summary>
    public static List<string> Differences(JsonNode? actual, JsonNode? example, ISet<string> knownNames)
    {
        var problems = new List<string>();
        if (Kind(actual) != Kind(example))
        {
            problems.Add($"root is {Kind(actual)}, BILL's example is {Kind(example)}");
            return problems;
        }

        problems.AddRange(Names(actual).Where(n => !knownNames.Contains(n)).Distinct().Select(n => $"field '{n}' appears in no BILL example of this resource"));
        Compare(actual, example, "$", problems);
        return problems;
    }

    private static void Compare(JsonNode? actual, JsonNode? example, string path, List<string> problems)
    {
        if (actual is null || example is null) return;
        if (Kind(actual) != Kind(example))
        {
            problems.Add($"{path} is {Kind(actual)}, BILL's example has {Kind(example)}");
            return;
        }

        if (actual is JsonObject a && example is JsonObject e)
        {
            foreach (var (name, value) in a)
            {
                if (e.TryGetPropertyValue(name, out var expected)) Compare(value, expected, $"{path}.{name}", problems);
            }
        }
        else if (actual is JsonArray aa && example is JsonArray ea && ea.Count > 0)
        {
            foreach (var item in aa) Compare(item, ea[0], $"{path}[]", problems);
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "nothing",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "boolean",
            var k => k.ToString().ToLowerInvariant(),
        },
        _ => "unknown",
    };
}

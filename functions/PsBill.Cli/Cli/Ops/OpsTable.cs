using System.Text;
using System.Text.Json.Nodes;

namespace PsBill.Cli.Cli.Ops;

/// <summary>Rows as a plain text table for a terminal (a script takes <c>--output json</c>): one line per row, columns padded,
/// long cells cut with an ellipsis.</summary>
internal static class OpsTable
{
    private const int MaxCell = 70;

    /// <summary>A column: its heading and how to read its cell from a row.</summary>
    public sealed record Column(string Title, Func<JsonNode, string?> Cell);

    /// <summary>Writes <paramref name="rows"/> (or "none").</summary>
    public static void Write(TextWriter output, IEnumerable<JsonNode?> rows, params Column[] columns)
    {
        var cells = rows.Where(r => r is not null).Select(r => columns.Select(c => Clip(c.Cell(r!) ?? "")).ToArray()).ToList();
        if (cells.Count == 0)
        {
            output.WriteLine("(none)");
            return;
        }
        var widths = columns.Select((c, i) => Math.Max(c.Title.Length, cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(columns.Select(c => c.Title).ToArray(), widths));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in cells) output.WriteLine(Line(row, widths));
    }

    /// <summary>Name/value pairs, one a line.</summary>
    public static void Fields(TextWriter output, params (string Name, string? Value)[] fields)
    {
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields.Where(f => !string.IsNullOrEmpty(f.Value))) output.WriteLine(name.PadRight(width) + "  " + value);
    }

    /// <summary>A text value of a JSON node (null for a missing one).</summary>
    public static string? Text(JsonNode? node) => node is null ? null : node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    private static string Clip(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxCell ? flat : flat[..(MaxCell - 1)] + "…";
    }

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++) line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        return line.ToString().TrimEnd();
    }
}

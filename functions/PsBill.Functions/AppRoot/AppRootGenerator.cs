using System.Text.Json;
using System.Text.Json.Nodes;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.AppRoot;

/// <summary>
/// Writes the deployable app root from the declarations: <c>host.json</c> and <c>{Function}/function.json</c> for every
/// function class. The executable is added by <c>dotnet publish</c> into the same folder.
/// </summary>
public static class AppRootGenerator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The function.json of one function.</summary>
    public static JsonObject FunctionJson(FunctionDeclaration function) =>
        new() { ["bindings"] = new JsonArray(function.Trigger.Bindings().Select(b => (JsonNode)b.DeepClone()).ToArray()) };

    /// <summary>Renders JSON the way the generator writes it (indented, newline at the end).</summary>
    public static string Render(JsonNode node) => node.ToJsonString(Indented) + "\n";

    /// <summary>Writes host.json and one folder per function into <paramref name="directory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Generate(string directory, FunctionCatalog? catalog = null)
    {
        catalog ??= FunctionCatalog.Default;
        Directory.CreateDirectory(directory);
        var written = new List<string>();

        var hostJson = Path.Combine(directory, "host.json");
        File.WriteAllText(hostJson, Render(HostJson.Create()));
        written.Add(hostJson);

        foreach (var function in catalog.Functions)
        {
            var folder = Path.Combine(directory, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "function.json");
            File.WriteAllText(path, Render(FunctionJson(function)));
            written.Add(path);
        }
        return written;
    }
}

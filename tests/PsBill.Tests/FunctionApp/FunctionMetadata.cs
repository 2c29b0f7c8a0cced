using System.Text.Json;

namespace PsBill.Tests.FunctionApp;

/// <summary>
/// The Worker SDK's generated <c>functions.metadata</c> of PsBill.FunctionApp: what the Functions host indexes in Azure.
/// The SDK writes it into the output of the app and of every project that references the app, so this test project has
/// its own copy beside its assembly, rebuilt with it.
/// </summary>
internal sealed class FunctionMetadata
{
    private FunctionMetadata(IReadOnlyDictionary<string, JsonElement> functions) => Functions = functions;

    /// <summary>Each function's JSON object, by function name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Functions { get; }

    /// <summary>Where the file is.</summary>
    public static string PathInOutput { get; } = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    /// <summary>Reads the file; a function listed twice fails here.</summary>
    public static FunctionMetadata Load()
    {
        if (!File.Exists(PathInOutput))
            throw new FileNotFoundException($"No functions.metadata at {PathInOutput}: the Worker SDK writes it when a project references PsBill.FunctionApp.", PathInOutput);
        using var document = JsonDocument.Parse(File.ReadAllText(PathInOutput));
        var functions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var function in document.RootElement.EnumerateArray())
            functions.Add(function.GetProperty("name").GetString()!, function.Clone());
        return new FunctionMetadata(functions);
    }

    /// <summary>The bindings of <paramref name="function"/>.</summary>
    public IReadOnlyList<JsonElement> Bindings(string function) => [.. Functions[function].GetProperty("bindings").EnumerateArray()];

    /// <summary>The one trigger binding of <paramref name="function"/> (an input binding whose type ends in "Trigger").</summary>
    public JsonElement Trigger(string function) =>
        Assert.Single(Bindings(function), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>The names of the functions whose trigger is <paramref name="triggerType"/>.</summary>
    public IReadOnlyList<string> NamesWithTrigger(string triggerType) =>
        [.. Functions.Keys.Where(name => Trigger(name).GetProperty("type").GetString() == triggerType).Order(StringComparer.Ordinal)];

    /// <summary>The binding types of <paramref name="function"/> with their direction, e.g. <c>durableClient:In</c>.</summary>
    public IReadOnlyList<string> BindingShapes(string function) =>
        [.. Bindings(function).Select(b => $"{b.GetProperty("type").GetString()}:{b.GetProperty("direction").GetString()}").Order(StringComparer.Ordinal)];
}

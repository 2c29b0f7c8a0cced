using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PsBill.Tests.Simulators.Bill;

/// <summary>
/// BILL's own Postman examples (<c>bill-v3-ap-subset.json</c>, the AP part of BILL's official v3 collection, copied
/// here from the shared reference so the tests run anywhere): each endpoint with its example request and responses.
/// </summary>
internal static class BillCollection
{
    private static readonly Lazy<IReadOnlyList<CollectionEndpoint>> Loaded = new(Load);

    public static IReadOnlyList<CollectionEndpoint> Endpoints => Loaded.Value;

    public static CollectionEndpoint Find(string key) => Endpoints.Single(e => e.Key == key);

    private static IReadOnlyList<CollectionEndpoint> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Here(), "bill-v3-ap-subset.json")))!;
        return root["endpoints"]!.AsArray().Select(e => new CollectionEndpoint(
            (string)e!["method"]!,
            (string)e["url"]!,
            e["headers"]!.AsArray().Select(h => (string)h!).ToList(),
            (string?)e["requestBody"],
            e["query"]!.AsArray().Select(q => new KeyValuePair<string, string?>((string)q!["key"]!, (string?)q["value"])).ToList(),
            e["responses"]!.AsArray().Select(r => new CollectionResponse((int)r!["code"]!, (string?)r["body"])).ToList())).ToList();
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

/// <summary>One endpoint of the collection.</summary>
internal sealed record CollectionEndpoint(
    string Method, string Url, IReadOnlyList<string> Headers, string? RequestBody,
    IReadOnlyList<KeyValuePair<string, string?>> Query, IReadOnlyList<CollectionResponse> Responses)
{
    /// <summary><c>POST /v3/bills</c>, as the tests name it.</summary>
    public string Key => $"{Method} {Url[(Url.IndexOf("}}", StringComparison.Ordinal) + 2)..]}";

    public bool OnEventsHost => Url.StartsWith("{{webhookBaseUrl}}", StringComparison.Ordinal);

    public CollectionResponse Success => Responses.Where(r => r.Code < 300).MinBy(r => r.Code)!;

    /// <summary>The resource family (<c>bills</c>, <c>classifications/departments</c>, <c>subscriptions</c>, ...).</summary>
    public string Family
    {
        get
        {
            var parts = Key.Split(' ')[1].Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts[1] == "classifications" ? $"{parts[1]}/{parts[2]}" : parts[1];
        }
    }
}

/// <summary>One example response.</summary>
internal sealed record CollectionResponse(int Code, string? Body)
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true };

    public JsonNode? Json => string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body, documentOptions: Lenient);

    public static JsonNode? ParseLenient(string? text) => string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text, documentOptions: Lenient);

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

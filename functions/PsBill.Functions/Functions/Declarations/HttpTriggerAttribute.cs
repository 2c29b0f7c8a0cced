using System.Text.Json.Nodes;

namespace PsBill.Functions.Functions.Declarations;

/// <summary>
/// An HTTP trigger forwarded by the Functions host as is (<c>enableForwardingHttpRequest</c>): the request reaches the
/// handler on <c>/api/{Route}</c> with its raw body. Exactly one httpTrigger and one http output, as forwarding requires.
/// </summary>
public sealed class HttpTriggerAttribute(string route, params string[] methods) : TriggerAttribute
{
    /// <summary>The route prefix of the Functions host (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    /// <summary>The route under <c>/api/</c>, in the host's template syntax (<c>ops/{*path}</c>).</summary>
    public string Route { get; } = route;

    /// <summary>The accepted methods, lowercase.</summary>
    public IReadOnlyList<string> Methods { get; } = methods.Select(m => m.ToLowerInvariant()).ToArray();

    /// <summary>Who may call it.</summary>
    public FunctionAuthLevel AuthLevel { get; init; } = FunctionAuthLevel.Function;

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Bindings() =>
    [
        new JsonObject
        {
            ["name"] = "req",
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["authLevel"] = AuthLevel == FunctionAuthLevel.Anonymous ? "anonymous" : "function",
            ["methods"] = new JsonArray(Methods.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["route"] = Route,
        },
        new JsonObject { ["name"] = "res", ["type"] = "http", ["direction"] = "out" },
    ];
}

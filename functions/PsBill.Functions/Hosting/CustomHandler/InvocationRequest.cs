using System.Text.Json;

namespace PsBill.Functions.Hosting.CustomHandler;

/// <summary>What the Functions host posts to <c>/{FunctionName}</c>: <c>{"Data": {binding: value}, "Metadata": {...}}</c>.</summary>
public sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata);

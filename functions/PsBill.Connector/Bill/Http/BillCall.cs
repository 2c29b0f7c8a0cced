using System.Text.Json;

namespace PsBill.Connector.Bill.Http;

/// <summary>One BILL call, described once and sent as many times as the pipeline decides (each attempt builds a fresh request).</summary>
internal sealed record BillCall(HttpMethod Method, BillHost Host, string Path, BillCallKind Kind)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];
    public byte[]? JsonBody { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The call as written in logs and exceptions: method and path, no query, no secrets.</summary>
    public string Operation => $"{Method.Method} {Path}";

    public static BillCall Get(BillHost host, string path, IEnumerable<KeyValuePair<string, string>>? query = null) =>
        new(HttpMethod.Get, host, path, BillCallKind.Repeatable) { Query = query?.ToList() ?? [] };

    public static BillCall Create(string path, object body) =>
        new(HttpMethod.Post, BillHost.Api, path, BillCallKind.Create) { JsonBody = Serialize(body) };

    public static BillCall Write(HttpMethod method, BillHost host, string path, object? body = null) =>
        new(method, host, path, BillCallKind.Repeatable) { JsonBody = body is null ? null : Serialize(body) };

    public static byte[] Serialize(object body) => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BillJson.Options);

    /// <summary>An id escaped for use as one path segment.</summary>
    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }
}

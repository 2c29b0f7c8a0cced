using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PsBill.Cli.Hosting.Security;
using PsBill.Connector.Credentials;
using PsBill.Sandbox.World;

namespace PsBill.Tests.Functions.Console;

/// <summary>A script's view of the ops API: the admin key in its header, JSON in and out.</summary>
internal sealed class OpsHttp(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static OpsHttp For(SandboxWorld world) => For(world.Host.BaseAddress, world.Secrets[SecretNames.AdminKey]);

    public static OpsHttp For(Uri baseAddress, string adminKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(AdminKeyVerifier.AdminKeyHeader, adminKey);
        return new OpsHttp(http);
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Http.GetAsync("/api/ops/api/" + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public async Task<(int Status, JsonNode? Body)> PostAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync("/api/ops/api/" + path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Every item of a paged list, following the continuation tokens to the end.</summary>
    public async Task<List<JsonNode>> AllPagesAsync(string path, int pageSize)
    {
        var items = new List<JsonNode>();
        string? token = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var pages = 0;
        do
        {
            var page = await GetAsync($"{path}{separator}pageSize={pageSize}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            token = (string?)page["continuationToken"];
            Assert.True(++pages < 1000, "the pages never end");
        }
        while (token is not null);
        return items;
    }

    public void Dispose() => Http.Dispose();
}

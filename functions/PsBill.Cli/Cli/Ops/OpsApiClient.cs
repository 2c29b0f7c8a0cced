using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Security;
using PsBill.Connector.Credentials;
using PsBill.Workflows;

namespace PsBill.Cli.Cli.Ops;

/// <summary>
/// The ops API of a running host, for the CLI: what the page reads, with the admin key in its header (from
/// <c>PSBILL_OPS_KEY</c>, e.g. a Functions key for the app in Azure, else the stored <c>psbill-admin-key</c>). The host owns
/// the Durable client, so the CLI asks it, as the page does.
/// </summary>
internal sealed class OpsApiClient : IDisposable
{
    private readonly HttpClient _http;

    private OpsApiClient(HttpClient http) => _http = http;

    /// <summary>The host's address.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>A client for the host at <paramref name="url"/> (default <c>PsBill:Standalone:Url</c>, http://127.0.0.1:7071). The key
    /// comes from <paramref name="keyFile"/> (e.g. the file <c>./sandbox.sh --keep</c> prints), else <c>PSBILL_OPS_KEY</c>, else the
    /// secret store: never from the command line, where it would show in the process list and the shell history.</summary>
    public static async Task<OpsApiClient> CreateAsync(string? url, string? keyFile, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build();
        var baseUrl = url ?? configuration["PsBill:Standalone:Url"] ?? "http://127.0.0.1:7071";
        var key = keyFile is not null
            ? (await File.ReadAllTextAsync(keyFile, cancellationToken).ConfigureAwait(false)).Trim()
            : Environment.GetEnvironmentVariable("PSBILL_OPS_KEY") ?? await StoredAdminKeyAsync(configuration, cancellationToken).ConfigureAwait(false);
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add(AdminKeyVerifier.AdminKeyHeader, key);
        return new OpsApiClient(http);
    }

    /// <summary>GET <c>api/ops/api/{path}</c>.</summary>
    /// <exception cref="OpsApiException">The host answered with an error.</exception>
    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>POST <c>api/ops/api/{path}</c> with a JSON body.</summary>
    /// <exception cref="OpsApiException">The host answered with an error.</exception>
    public Task<JsonNode> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body ?? new { }, cancellationToken);

    /// <summary>Every item of a paged list, following the continuation tokens to the end (no cap).</summary>
    public async Task<JsonArray> AllPagesAsync(string path, CancellationToken cancellationToken)
    {
        var all = new JsonArray();
        string? token = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        do
        {
            var page = await GetAsync(path + separator + "pageSize=500" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)), cancellationToken).ConfigureAwait(false);
            foreach (var item in page["items"]!.AsArray()) all.Add(item?.DeepClone());
            token = (string?)page["continuationToken"];
        }
        while (token is not null);
        return all;
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, "api/ops/api/" + path);
        if (body is not null) message.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryParse(text) is { } json ? (string?)json["error"] ?? (string?)json["outcome"] ?? (string?)json["detail"] ?? text : text;
            throw new OpsApiException($"The host at {BaseAddress} answered {(int)response.StatusCode}: {error}");
        }
        return TryParse(text) ?? new JsonObject();
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<string> StoredAdminKeyAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var provider = new ServiceCollection().AddLogging().AddPsBillCredentials(configuration).BuildServiceProvider();
        return await provider.GetRequiredService<ISecretStore>().GetAsync(SecretNames.AdminKey, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}

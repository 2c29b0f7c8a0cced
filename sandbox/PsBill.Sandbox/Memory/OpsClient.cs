using System.Net.Http.Json;
using PsBill.Cli.Hosting.Security;
using PsBill.Workflows.Http.Ops;

namespace PsBill.Sandbox.Memory;

/// <summary>The child's ops API, as a script of an operator would call it: the admin key in its header.</summary>
public sealed class OpsClient(Uri baseAddress, string adminKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { AdminKeyVerifier.AdminKeyHeader, adminKey } } };

    /// <summary>"Run now" of a flow (<c>POST /api/ops/api/flows/{flow}/start</c>).</summary>
    /// <exception cref="InvalidOperationException">The child refused the start (the message has its answer).</exception>
    public async Task StartFlowAsync(string flow)
    {
        using var response = await _http.PostAsync($"{OpsEndpoint.Prefix}/api/flows/{flow}/start", null).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"starting {flow}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
    }

    /// <summary>The flow's singleton status (<c>GET /api/ops/api/flows</c>), or null when the child does not answer.</summary>
    public async Task<string?> FlowStatusAsync(string flow)
    {
        try
        {
            var flows = await _http.GetFromJsonAsync<List<FlowState>>($"{OpsEndpoint.Prefix}/api/flows").ConfigureAwait(false);
            return flows?.Single(f => f.Flow == flow).Status;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null; // killed, restarting, or storage down
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

using System.Net.Http.Json;
using PsBill.Cli.Hosting.Security;
using PsBill.Workflows.Http.Ops;

namespace PsBill.Tests.Crash;

/// <summary>The child's ops API, as a script of an operator would call it: the admin key in its header.</summary>
internal sealed class OpsClient(Uri baseAddress, string adminKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { AdminKeyVerifier.AdminKeyHeader, adminKey } } };

    /// <summary>"Run now" of a flow (<c>POST /api/ops/api/flows/{flow}/start</c>).</summary>
    public async Task StartFlowAsync(string flow)
    {
        using var response = await _http.PostAsync($"{OpsEndpoint.Prefix}/api/flows/{flow}/start", null);
        Assert.True(response.IsSuccessStatusCode, $"starting {flow}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The flow's singleton status (<c>GET /api/ops/api/flows</c>), or null when the child does not answer.</summary>
    public async Task<string?> FlowStatusAsync(string flow)
    {
        try
        {
            var flows = await _http.GetFromJsonAsync<List<FlowState>>($"{OpsEndpoint.Prefix}/api/flows");
            return flows?.Single(f => f.Flow == flow).Status;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null; // killed, restarting, or storage down
        }
    }

    public void Dispose() => _http.Dispose();
}

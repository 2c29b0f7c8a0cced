using System.Net.Http.Json;
using PsBill.Cli.Hosting.Security;
using PsBill.Workflows.Http.Ops;

namespace PsBill.Sandbox.Memory;

/// <summary>The child connector's flows through its ops API, as an operator's script would drive them (admin key in a header).</summary>
internal sealed class OpsFlows(Uri baseAddress, string adminKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { AdminKeyVerifier.AdminKeyHeader, adminKey } } };

    /// <summary>Waits until the child answers its ops API.</summary>
    /// <exception cref="TimeoutException">It did not within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (await StatusAsync("PollVouchers", cancellationToken).ConfigureAwait(false) is null)
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout) throw new TimeoutException($"psbill run did not serve its ops API within {timeout}.");
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"Run now" of <paramref name="flow"/>, then waits until its singleton has completed.</summary>
    /// <exception cref="InvalidOperationException">The start was refused, or the flow failed.</exception>
    /// <exception cref="TimeoutException">It did not complete within <paramref name="timeout"/>.</exception>
    public async Task RunAsync(string flow, TimeSpan timeout, Func<Task> progress, CancellationToken cancellationToken)
    {
        using (var response = await _http.PostAsync($"{OpsEndpoint.Prefix}/api/flows/{flow}/start", null, cancellationToken).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"starting {flow}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            await progress().ConfigureAwait(false);
            var status = await StatusAsync(flow, cancellationToken).ConfigureAwait(false);
            if (status == "Completed") return;
            if (status is "Failed" or "Terminated") throw new InvalidOperationException($"{flow} {status}");
            if (TimeProvider.System.GetElapsedTime(started) > timeout) throw new TimeoutException($"{flow} is still {status ?? "unanswered"} after {timeout}.");
        }
    }

    private async Task<string?> StatusAsync(string flow, CancellationToken cancellationToken)
    {
        try
        {
            var flows = await _http.GetFromJsonAsync<List<FlowState>>($"{OpsEndpoint.Prefix}/api/flows", cancellationToken).ConfigureAwait(false);
            return flows?.SingleOrDefault(f => f.Flow == flow)?.Status;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null; // not serving yet
        }
    }

    public void Dispose() => _http.Dispose();
}

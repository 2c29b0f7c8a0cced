using System.Text.Json;
using Grpc.Net.Client;
using Microsoft.Azure.WebJobs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Cli.Hosting.Standalone.Functions;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// The <see cref="DurableTaskClient"/> of <c>psbill run</c>: the same gRPC client the isolated worker gets in Azure, talking
/// to the Durable extension's local endpoint in this process. The endpoint's address is what the extension puts into a
/// bound client (<c>rpcBaseUrl</c>), so the host asks the extension to bind one (<see cref="DurableClientFunction"/>) once,
/// on first use after start. Public APIs only: no reflection into the extension.
/// </summary>
public sealed class StandaloneDurableClient(IServiceProvider services, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private string? _binding;
    private const int MaxAnswerBytes = 64 * 1024 * 1024;
    private GrpcChannel? _channel;
    private DurableTaskClient? _client;

    /// <summary>Called by <see cref="DurableClientFunction"/> with the extension's client binding.</summary>
    internal void Accept(string binding) => _binding = binding;

    /// <summary>The client (after the host started).</summary>
    public async Task<DurableTaskClient> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_client is { } ready) return ready;
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { } made) return made;
            await services.GetRequiredService<IJobHost>().CallAsync(DurableClientFunction.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            var binding = _binding ?? throw new InvalidOperationException("The Durable extension bound no client: is the host started?");
            using var document = JsonDocument.Parse(binding);
            var address = document.RootElement.GetProperty("rpcBaseUrl").GetString()
                ?? throw new InvalidOperationException("The Durable extension's client binding has no rpcBaseUrl: it is not running in the isolated protocol (FUNCTIONS_WORKER_RUNTIME).");
            var taskHub = document.RootElement.GetProperty("taskHubName").GetString() ?? "";
            // gRPC's default 4 MB answer is too small for a page of a large run's instances (a 10,000-voucher sandbox run
            // broke the report's instance count with ResourceExhausted): the channel is loopback to our own extension.
            _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = MaxAnswerBytes });
            _client = new GrpcDurableTaskClient(taskHub, new GrpcDurableTaskClientOptions { Channel = _channel, EnableEntitySupport = true }, loggers.CreateLogger<GrpcDurableTaskClient>());
            return _client;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync().ConfigureAwait(false);
        _channel?.Dispose();
        _once.Dispose();
    }
}

using Microsoft.Extensions.Hosting;

namespace PsBill.Connector.Storage;

/// <summary>Creates every table, both queues and the lease container if they do not exist. Idempotent; runs when a
/// host starts (it is a hosted service) and from CLI commands that touch storage.</summary>
public sealed class StorageProvisioner(PsBillStorage storage, StorageLayout layout) : IHostedService
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    /// <summary>Creates what is missing; later calls return at once.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_done) return;
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done) return;
            var work = new List<Task>
            {
                storage.LeaseContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            };
            work.AddRange(layout.Tables.Select(t => storage.Table(t).CreateIfNotExistsAsync(cancellationToken)));
            await Task.WhenAll(work).ConfigureAwait(false);
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

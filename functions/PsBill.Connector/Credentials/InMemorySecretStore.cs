using System.Collections.Concurrent;

namespace PsBill.Connector.Credentials;

/// <summary>Secrets held in memory: for tests and for the sandbox, which makes its own throwaway credentials.</summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public InMemorySecretStore(IEnumerable<KeyValuePair<string, string>>? initial = null)
    {
        foreach (var (name, value) in initial ?? []) _secrets[name] = value;
    }

    public Task<string> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _secrets.TryGetValue(name, out var value)
            ? Task.FromResult(value)
            : throw new SecretNotFoundException(name, "it is not in the in-memory store.");

    public Task<string?> TryGetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_secrets.TryGetValue(name, out var value) ? value : null);

    public Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        _secrets[name] = value;
        return Task.CompletedTask;
    }
}

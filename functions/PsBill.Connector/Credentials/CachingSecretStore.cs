using System.Collections.Concurrent;

namespace PsBill.Connector.Credentials;

/// <summary>Keeps what an inner store returned for a short time, so a busy app does not read the vault on every call,
/// yet a rotated secret is in use within <see cref="CacheDuration"/> without a restart. Absent secrets are
/// remembered too (the optional previous webhook key is asked for on every webhook). A write replaces the cached value.</summary>
public sealed class CachingSecretStore : ISecretStore
{
    private readonly ISecretStore _inner;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, CachedSecret> _cache = new(StringComparer.Ordinal);

    /// <param name="inner">The store that holds the secrets.</param>
    /// <param name="cacheDuration">How long a value is reused; <see cref="TimeSpan.Zero"/> reads the inner store every time.</param>
    /// <param name="timeProvider">The clock that decides expiry.</param>
    public CachingSecretStore(ISecretStore inner, TimeSpan cacheDuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheDuration, TimeSpan.Zero);
        _inner = inner;
        CacheDuration = cacheDuration;
        _timeProvider = timeProvider;
    }

    /// <summary>How long a value read from the inner store is reused.</summary>
    public TimeSpan CacheDuration { get; }

    /// <summary>The store this one caches.</summary>
    public ISecretStore Inner => _inner;

    /// <inheritdoc />
    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        if (TryGetFresh(name, out var cached) && cached.Value is not null) return cached.Value;
        var value = await _inner.GetAsync(name, cancellationToken).ConfigureAwait(false);
        Remember(name, value);
        return value;
    }

    /// <inheritdoc />
    public async Task<string?> TryGetAsync(string name, CancellationToken cancellationToken = default)
    {
        if (TryGetFresh(name, out var cached)) return cached.Value;
        var value = await _inner.TryGetAsync(name, cancellationToken).ConfigureAwait(false);
        Remember(name, value);
        return value;
    }

    /// <inheritdoc />
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        _cache.TryRemove(name, out _);
        await _inner.SetAsync(name, value, cancellationToken).ConfigureAwait(false);
        Remember(name, value);
    }

    /// <summary>Forgets every cached value, so the next read goes to the inner store (e.g. after a failed login).</summary>
    public void Clear() => _cache.Clear();

    private bool TryGetFresh(string name, out CachedSecret cached) =>
        _cache.TryGetValue(name, out cached!) && _timeProvider.GetUtcNow() < cached.ExpiresAt;

    private void Remember(string name, string? value)
    {
        if (CacheDuration == TimeSpan.Zero) return;
        _cache[name] = new CachedSecret(value, _timeProvider.GetUtcNow() + CacheDuration);
    }

    private sealed record CachedSecret(string? Value, DateTimeOffset ExpiresAt);
}

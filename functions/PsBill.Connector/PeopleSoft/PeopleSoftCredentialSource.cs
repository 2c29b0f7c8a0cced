using PsBill.Connector.Credentials;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The OPRID and password, read from <see cref="ISecretStore"/> and kept for a few minutes so that a poll of many
/// pages does not read Key Vault for every call, yet a rotated password is picked up soon.
/// </summary>
public sealed class PeopleSoftCredentialSource(ISecretStore secrets, TimeProvider timeProvider)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private PeopleSoftCredential? _cached;
    private DateTimeOffset _readAt;

    /// <summary>The current credentials.</summary>
    /// <exception cref="SecretNotFoundException">A secret is missing; the message names it.</exception>
    public async ValueTask<PeopleSoftCredential> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } fresh && timeProvider.GetUtcNow() - _readAt < CacheFor) return fresh;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && timeProvider.GetUtcNow() - _readAt < CacheFor) return again;
            var operatorId = await secrets.GetAsync(SecretNames.PeopleSoftOperatorId, cancellationToken).ConfigureAwait(false);
            var password = await secrets.GetAsync(SecretNames.PeopleSoftPassword, cancellationToken).ConfigureAwait(false);
            _cached = new PeopleSoftCredential(operatorId, password);
            _readAt = timeProvider.GetUtcNow();
            return _cached;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached credentials (after PeopleSoft refused them), so the next call reads the store again.</summary>
    public void Invalidate() => _cached = null;
}

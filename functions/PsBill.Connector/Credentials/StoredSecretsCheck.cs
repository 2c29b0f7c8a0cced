namespace PsBill.Connector.Credentials;

/// <summary>The first check of every credential set: each of its secrets is in the store and not empty. It needs no
/// remote system, so it is the whole check for the webhook and admin keys.</summary>
public sealed class StoredSecretsCheck : ICredentialCheck
{
    private readonly ISecretStore _store;
    private readonly IReadOnlyList<string> _names;

    /// <param name="store">The configured store.</param>
    /// <param name="credentialSet">One of <see cref="CredentialSets"/>.</param>
    public StoredSecretsCheck(ISecretStore store, string credentialSet)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!CredentialSets.SecretsBySet.TryGetValue(credentialSet, out var names))
            throw new ArgumentException($"Unknown credential set '{credentialSet}'.", nameof(credentialSet));
        _store = store;
        _names = names;
        CredentialSet = credentialSet.ToLowerInvariant();
    }

    /// <inheritdoc />
    public string Name => $"{CredentialSet} secrets stored";

    /// <inheritdoc />
    public string CredentialSet { get; }

    /// <inheritdoc />
    public async Task<CredentialCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        var missing = new List<string>();
        foreach (var name in _names)
        {
            try
            {
                if (string.IsNullOrEmpty(await _store.TryGetAsync(name, cancellationToken).ConfigureAwait(false))) missing.Add(name);
            }
            catch (SecretNotFoundException ex)
            {
                return CredentialCheckResult.Failed(ex.Message);
            }
        }

        return missing.Count == 0
            ? CredentialCheckResult.Passed($"{string.Join(", ", _names)} present")
            : CredentialCheckResult.Failed($"missing: {string.Join(", ", missing)} (set them with 'psbill credentials set {CredentialSet}')");
    }
}

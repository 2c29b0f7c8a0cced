using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Diagnostics;

/// <summary>Finds and masks known secret values in text: the value-based check behind "nothing leaks". Tests build one
/// from the store's values and assert that no log line, audit row or response contains any of them; code can
/// <see cref="Scrub"/> text it did not write itself (an exception message from a remote system) before showing it.
/// Besides the plain value it looks for the forms a value takes in transit: JSON-escaped, URL-encoded, XML-escaped,
/// and the Basic auth token of each user/password pair it is given.</summary>
public sealed class SecretScrubber
{
    /// <summary>Values shorter than this are ignored: a two-letter value would match everywhere and prove nothing.</summary>
    public const int MinimumLength = 4;

    private readonly List<(string Name, string Form)> _forms = [];

    /// <param name="secrets">Secret names and their values.</param>
    public SecretScrubber(IEnumerable<KeyValuePair<string, string>> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var (name, value) in secrets) Add(name, value);
    }

    /// <summary>Reads every secret in <paramref name="names"/> (default <see cref="SecretNames.All"/>) that the store
    /// holds, and adds the Basic auth token of the PeopleSoft OPRID and password when both are there.</summary>
    public static async Task<SecretScrubber> FromStoreAsync(
        ISecretStore store, IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names ?? SecretNames.All)
        {
            if (await store.TryGetAsync(name, cancellationToken).ConfigureAwait(false) is { } value) secrets[name] = value;
        }

        var scrubber = new SecretScrubber(secrets);
        if (secrets.TryGetValue(SecretNames.PeopleSoftOperatorId, out var oprid)
            && secrets.TryGetValue(SecretNames.PeopleSoftPassword, out var password))
        {
            scrubber.AddBasicAuth(SecretNames.PeopleSoftOperatorId + "+" + SecretNames.PeopleSoftPassword, oprid, password);
        }

        return scrubber;
    }

    /// <summary>The names of the secrets this scrubber looks for (those long enough to be looked for).</summary>
    public IReadOnlyCollection<string> SecretNamesKnown => _forms.Select(f => f.Name).Distinct().ToList();

    /// <summary>Adds a secret (and its escaped forms).</summary>
    public void Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (string.IsNullOrEmpty(value) || value.Length < MinimumLength) return;
        foreach (var form in new[]
                 {
                     value,
                     JavaScriptEncoder.Default.Encode(value),
                     JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value),
                     Uri.EscapeDataString(value),
                     WebUtility.UrlEncode(value),
                     WebUtility.HtmlEncode(value),
                 }.Distinct(StringComparer.Ordinal))
        {
            _forms.Add((name, form));
        }
    }

    /// <summary>Adds the <c>Authorization: Basic</c> token of a user and password, which hides both values in base64.</summary>
    public void AddBasicAuth(string name, string user, string password) =>
        Add(name, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The names of the secrets that occur in <paramref name="text"/>, empty when it is clean.</summary>
    public IReadOnlyList<string> FindSecrets(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return _forms.Where(f => text.Contains(f.Form, StringComparison.Ordinal)).Select(f => f.Name).Distinct().ToList();
    }

    /// <summary>True when <paramref name="text"/> contains any known secret.</summary>
    public bool ContainsSecret(string? text) => FindSecrets(text).Count > 0;

    /// <summary>The text with every known secret replaced by <c>***</c> (longest values first, so a value that contains
    /// another is masked whole).</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text);
        foreach (var (_, form) in _forms.OrderByDescending(f => f.Form.Length))
        {
            builder.Replace(form, SensitiveDataRedactor.Mask);
        }

        return builder.ToString();
    }
}

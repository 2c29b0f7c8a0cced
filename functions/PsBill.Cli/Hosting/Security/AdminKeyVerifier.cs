using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Credentials;

namespace PsBill.Cli.Hosting.Security;

/// <summary>Decides whether a request to the standalone host's ops and admin endpoints carries the admin key
/// (<see cref="SecretNames.AdminKey"/> in the secret store). In Azure the Functions host's own keys guard these
/// endpoints (authLevel function) and this check is not wired. Fails closed: no key in the store, no access.</summary>
public sealed partial class AdminKeyVerifier
{
    /// <summary>The header the Functions host reads its keys from; accepted here too so one client works with both hosts.</summary>
    public const string FunctionsKeyHeader = "x-functions-key";

    /// <summary>PsBill's own header for the admin key.</summary>
    public const string AdminKeyHeader = "x-psbill-admin-key";

    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger<AdminKeyVerifier> _logger;

    /// <param name="secrets">Where the admin key is kept (read on every request; a Key Vault store caches it).</param>
    /// <param name="time">The clock sessions expire on.</param>
    /// <param name="logger">Logs refusals with the path, never a key.</param>
    public AdminKeyVerifier(ISecretStore secrets, TimeProvider time, ILogger<AdminKeyVerifier> logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _secrets = secrets;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// True when the request's <c>x-psbill-admin-key</c> or <c>x-functions-key</c> header equals the stored key, or when it
    /// carries a valid sign-in cookie (<see cref="OpsSession"/>); a state-changing request signed in by cookie must also
    /// carry <see cref="OpsSession.CsrfHeader"/> and come from the same origin (<see cref="SameOriginCheck"/>), so another site cannot make the browser send it.
    /// </summary>
    public async Task<bool> IsAuthorizedAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = PresentedKey(request);
        var cookie = request.Cookies[OpsSession.CookieName];
        if (presented is null && cookie is null)
        {
            LogNoKey(request.Path);
            return false;
        }

        var expected = await ExpectedKeyAsync(request, cancellationToken).ConfigureAwait(false);
        if (expected is null) return false;
        if (presented is not null)
        {
            if (KeysEqual(presented, expected)) return true;
            LogWrongKey(request.Path);
            return false;
        }

        if (!OpsSession.IsValid(expected, cookie, _time.GetUtcNow()))
        {
            LogWrongKey(request.Path);
            return false;
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return true;
        // A change signed in by cookie must come from the page itself: the browser says it is same-origin, and it carries the
        // header only the page's own script sends (a cross-site form cannot set it, a cross-site fetch would need CORS).
        if (request.Headers.ContainsKey(OpsSession.CsrfHeader) && SameOriginCheck.IsSameOrigin(request)) return true;
        LogCrossSite(request.Path);
        return false;
    }

    /// <summary>True when <paramref name="presented"/> is the stored admin key (the sign-in form).</summary>
    public async Task<bool> IsAdminKeyAsync(HttpRequest request, string presented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = await ExpectedKeyAsync(request, cancellationToken).ConfigureAwait(false);
        if (expected is not null && KeysEqual(presented, expected)) return true;
        LogWrongKey(request.Path);
        return false;
    }

    /// <summary>A session cookie value for a signed-in operator, or null when no admin key is stored.</summary>
    public async Task<string?> IssueSessionAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var expected = await ExpectedKeyAsync(request, cancellationToken).ConfigureAwait(false);
        return expected is null ? null : OpsSession.Issue(expected, _time.GetUtcNow() + OpsSession.Lifetime);
    }

    private async Task<string?> ExpectedKeyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? expected;
        try
        {
            expected = await _secrets.TryGetAsync(SecretNames.AdminKey, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretNotFoundException ex)
        {
            LogStoreUnreadable(request.Path, ex.Message);
            return null;
        }

        if (string.IsNullOrEmpty(expected))
        {
            LogNoAdminKeyConfigured(request.Path, SecretNames.AdminKey);
            return null;
        }
        return expected;
    }

    /// <summary>Compares in constant time. Both sides are hashed first: <see cref="CryptographicOperations.FixedTimeEquals"/>
    /// returns at once on a length mismatch, which would tell an attacker the key's length.</summary>
    internal static bool KeysEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? PresentedKey(HttpRequest request)
    {
        foreach (var header in new[] { AdminKeyHeader, FunctionsKeyHeader })
        {
            if (request.Headers.TryGetValue(header, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]))
                return values[0];
        }

        return null;
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Refused {Path}: no admin key in the request")]
    private partial void LogNoKey(string path);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Refused {Path}: wrong admin key")]
    private partial void LogWrongKey(string path);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Error,
        Message = "Refused {Path}: the secret {SecretName} is not set, so every ops request is refused; set it with 'psbill credentials set admin'")]
    private partial void LogNoAdminKeyConfigured(string path, string secretName);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Warning, Message = "Refused {Path}: a state-changing request signed in by cookie came without the x-psbill-csrf header or from another origin (cross-site?)")]
    private partial void LogCrossSite(string path);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Error, Message = "Refused {Path}: the admin key could not be read: {Reason}")]
    private partial void LogStoreUnreadable(string path, string reason);
}

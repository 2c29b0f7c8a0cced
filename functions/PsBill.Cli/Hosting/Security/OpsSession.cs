using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PsBill.Cli.Hosting.Security;

/// <summary>
/// The ops page's sign-in under <c>psbill run</c>: the operator types the admin key once into a form, and the host sets an
/// HttpOnly, SameSite=Strict cookie holding an expiry and an HMAC of it under the admin key. The key itself never appears
/// in a URL, a log line or the cookie; changing the admin key signs everybody out.
/// </summary>
public static class OpsSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "psbill-ops-session";

    /// <summary>The header the page sends with every state-changing request: a cross-site form cannot set it, and a
    /// cross-site script cannot send it without a CORS preflight this host never grants.</summary>
    public const string CsrfHeader = "x-psbill-csrf";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>A cookie value valid until <paramref name="expires"/>.</summary>
    public static string Issue(string adminKey, DateTimeOffset expires)
    {
        var stamp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return stamp + "." + Sign(adminKey, stamp);
    }

    /// <summary>True when <paramref name="cookie"/> was issued under <paramref name="adminKey"/> and has not expired.</summary>
    public static bool IsValid(string adminKey, string? cookie, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(cookie)) return false;
        var dot = cookie.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return false;
        var stamp = cookie[..dot];
        if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || DateTimeOffset.FromUnixTimeSeconds(seconds) <= now) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(adminKey, stamp)), Encoding.ASCII.GetBytes(cookie[(dot + 1)..]));
    }

    private static string Sign(string adminKey, string stamp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(adminKey), Encoding.UTF8.GetBytes("psbill-ops-session:" + stamp)));
}

using Microsoft.AspNetCore.Http;

namespace PsBill.Cli.Hosting.Security;

/// <summary>
/// Refuses a browser's cross-site request: a browser says where a request comes from (<c>Sec-Fetch-Site</c>, or at least
/// <c>Origin</c> on a POST), and only the page's own origin may change anything. A request with neither header is not a
/// browser's (a script, the CLI): it passes here and must still carry the admin key or, with the cookie, the page's
/// <see cref="OpsSession.CsrfHeader"/>, which no cross-site form can send.
/// </summary>
public static class SameOriginCheck
{
    /// <summary>True unless the browser says the request comes from another site.</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
               && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
               && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

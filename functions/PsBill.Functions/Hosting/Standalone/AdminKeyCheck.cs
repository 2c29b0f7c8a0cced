using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Functions.Hosting.Security;

namespace PsBill.Functions.Hosting.Standalone;

/// <summary>
/// The standalone host's stand-in for function keys: a function with auth level "function" needs the admin key
/// (secret <c>psbill-admin-key</c>), checked by <see cref="AdminKeyVerifier"/> in constant time. Keys are taken from
/// headers only, never from the query string, because URLs end up in logs.
/// </summary>
public static class AdminKeyCheck
{
    /// <summary>The header the Functions host also accepts.</summary>
    public const string Header = AdminKeyVerifier.FunctionsKeyHeader;

    /// <summary>Null when the caller may go on; otherwise the answer to give.</summary>
    public static async Task<IResult?> AuthorizeAsync(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<IOptions<StandaloneOptions>>().Value.OpsWithoutKey) return null;
        var verifier = http.RequestServices.GetRequiredService<AdminKeyVerifier>();
        return await verifier.IsAuthorizedAsync(http.Request, http.RequestAborted).ConfigureAwait(false)
            ? null
            : AdminKeyExtensions.Unauthorized();
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.Credentials;

namespace PsBill.Functions.Hosting.Standalone;

/// <summary>
/// The standalone host's stand-in for function keys: a function with auth level "function" needs the admin key
/// (secret <c>psbill-admin-key</c>) in <c>x-functions-key</c> or <c>?code=</c>, compared in constant time.
/// </summary>
public static class AdminKeyCheck
{
    /// <summary>The header the Functions host also accepts.</summary>
    public const string Header = "x-functions-key";

    /// <summary>Null when the caller may go on; otherwise the answer to give.</summary>
    public static async Task<IResult?> AuthorizeAsync(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<IOptions<StandaloneOptions>>().Value.OpsWithoutKey) return null;
        var secrets = http.RequestServices.GetService<ISecretStore>();
        var expected = secrets is null ? null : await secrets.TryGetAsync(SecretNames.AdminKey, http.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrEmpty(expected))
            return Results.Text($"The admin key is not configured: set the secret {SecretNames.AdminKey} (or PsBill__Standalone__OpsWithoutKey=true on a laptop).",
                statusCode: StatusCodes.Status401Unauthorized);

        var given = http.Request.Headers[Header].FirstOrDefault() ?? http.Request.Query["code"].FirstOrDefault() ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
            ? null
            : Results.Text("Missing or wrong key (x-functions-key header or code query).", statusCode: StatusCodes.Status401Unauthorized);
    }
}

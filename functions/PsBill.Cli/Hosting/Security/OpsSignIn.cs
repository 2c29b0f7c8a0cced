using System.Net;
using Microsoft.AspNetCore.Http;
using PsBill.Workflows.Http.Ops;

namespace PsBill.Cli.Hosting.Security;

/// <summary>
/// The ops page's sign-in form under <c>psbill run</c>: the admin key is posted in a form body (never in a URL), checked in
/// constant time, and answered with an HttpOnly, SameSite=Strict session cookie scoped to the ops path.
/// </summary>
internal static class OpsSignIn
{
    public static string Form(string? problem) => $$"""
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>PsBill operations: sign in</title>
<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:34rem;color:#1f2328} input{width:100%;padding:.4rem;font:inherit;margin:.3rem 0 .8rem}
button{font:inherit;padding:.4rem 1rem} .problem{color:#b42318} .hint{color:#636c76;font-size:.9rem}</style></head>
<body><h1>PsBill operations</h1>
<form method="post" action="{{OpsEndpoint.Prefix}}/login" id="signin">
<label for="key">Admin key</label>
<input type="password" id="key" name="key" autocomplete="current-password" autofocus>
<button type="submit" id="signin-button">Sign in</button></form>
{{(problem is null ? "" : $"<p class=\"problem\" id=\"signin-problem\">{WebUtility.HtmlEncode(problem)}</p>")}}
<p class="hint">The key is the secret <code>psbill-admin-key</code> (set it with <code>psbill credentials set admin</code>; the sandbox prints the file that holds it).
Signing in sets a cookie for this site only, for 8 hours; the key is never put in an address.</p>
</body></html>
""";

    public static async Task<IResult> SignInAsync(HttpContext http, AdminKeyVerifier verifier)
    {
        // Login CSRF: another site must not sign the browser in (or probe keys) through this form.
        if (!SameOriginCheck.IsSameOrigin(http.Request))
            return Results.Content(Form("Refused: the sign-in came from another site."), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;
        var key = form?["key"].ToString();
        if (string.IsNullOrEmpty(key) || !await verifier.IsAdminKeyAsync(http.Request, key, http.RequestAborted).ConfigureAwait(false))
            return Results.Content(Form("That is not the admin key."), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);

        var session = await verifier.IssueSessionAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (session is null) return Results.Content(Form("No admin key is set: psbill credentials set admin."), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        http.Response.Cookies.Append(OpsSession.CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = OpsEndpoint.Prefix,
            MaxAge = OpsSession.Lifetime,
        });
        return Results.Redirect(OpsEndpoint.Prefix);
    }

    public static IResult SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(OpsSession.CookieName, new CookieOptions { Path = OpsEndpoint.Prefix });
        return Results.Redirect(OpsEndpoint.Prefix + "/login");
    }
}

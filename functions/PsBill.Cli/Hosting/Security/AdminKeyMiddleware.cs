using Microsoft.AspNetCore.Http;

namespace PsBill.Cli.Hosting.Security;

/// <summary>Middleware form of the admin-key check for everything under a path prefix (for endpoints that are not
/// minimal-API handlers, e.g. static ops pages, where an endpoint filter does not run).</summary>
public sealed class AdminKeyMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PathString _prefix;

    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="prefix">Requests under this path need the key; others pass.</param>
    public AdminKeyMiddleware(RequestDelegate next, PathString prefix)
    {
        ArgumentNullException.ThrowIfNull(next);
        _next = next;
        _prefix = prefix;
    }

    /// <summary>Checks the key for requests under the prefix.</summary>
    public async Task InvokeAsync(HttpContext context, AdminKeyVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(verifier);
        if (context.Request.Path.StartsWithSegments(_prefix)
            && !await verifier.IsAuthorizedAsync(context.Request, context.RequestAborted).ConfigureAwait(false))
        {
            await AdminKeyExtensions.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PsBill.Cli.Hosting.Security;

/// <summary>An endpoint filter that answers 401 unless the request carries the admin key (see <see cref="AdminKeyVerifier"/>).
/// Add it with <see cref="AdminKeyExtensions.RequireAdminKey{TBuilder}"/> on a minimal-API endpoint or group.</summary>
public sealed class AdminKeyEndpointFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var verifier = http.RequestServices.GetRequiredService<AdminKeyVerifier>();
        return await verifier.IsAuthorizedAsync(http.Request, http.RequestAborted).ConfigureAwait(false)
            ? await next(context).ConfigureAwait(false)
            : AdminKeyExtensions.Unauthorized();
    }
}

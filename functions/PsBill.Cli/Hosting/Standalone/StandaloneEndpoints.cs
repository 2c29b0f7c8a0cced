using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Cli.Hosting.Security;
using PsBill.Workflows.Http;
using PsBill.Workflows.Http.Ops;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// The HTTP functions on Kestrel, at the routes the Functions host gives them (<c>/api/bill/webhook</c>, <c>/api/ops/...</c>, <c>/api/health</c>),
/// each one line into the same endpoint class the worker app calls. The ops routes need the admin key (header) or the
/// sign-in cookie; the sign-in form itself is open.
/// </summary>
internal static class StandaloneEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bill/webhook", async (HttpRequest request, BillWebhookEndpoint endpoint, StandaloneDurableClient client, CancellationToken cancellationToken) =>
            await endpoint.HandleAsync(request, await client.GetAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));

        // Anonymous, as in Azure: an availability probe has no key.
        app.MapGet(HealthEndpoint.Path, (HealthEndpoint endpoint, CancellationToken cancellationToken) => endpoint.HandleAsync(cancellationToken));

        app.MapGet(OpsEndpoint.Prefix + "/login", () => Results.Content(OpsSignIn.Form(null), "text/html; charset=utf-8"));
        app.MapPost(OpsEndpoint.Prefix + "/login", OpsSignIn.SignInAsync).DisableAntiforgery();
        app.MapPost(OpsEndpoint.Prefix + "/logout", OpsSignIn.SignOut);

        app.MapMethods(OpsEndpoint.Prefix + "/{**path}", ["GET", "POST"], async (HttpContext http, OpsEndpoint endpoint, StandaloneDurableClient client) =>
        {
            if (!http.RequestServices.GetRequiredService<IOptions<StandaloneOptions>>().Value.OpsWithoutKey
                && !await http.RequestServices.GetRequiredService<AdminKeyVerifier>().IsAuthorizedAsync(http.Request, http.RequestAborted).ConfigureAwait(false))
            {
                // A browser goes to the sign-in form; a script gets the 401 it can act on.
                return HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                    ? Results.Redirect(OpsEndpoint.Prefix + "/login")
                    : AdminKeyExtensions.Unauthorized();
            }
            return await endpoint.HandleAsync(http.Request, await client.GetAsync(http.RequestAborted).ConfigureAwait(false), http.RequestAborted).ConfigureAwait(false);
        });
    }
}

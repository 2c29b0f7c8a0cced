using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting;

/// <summary>Maps every HTTP function on <c>/api/{route}</c>, as the Functions host forwards them, for both hosts.</summary>
public static class HttpFunctionEndpoints
{
    /// <summary>
    /// Maps the HTTP functions. <paramref name="authorize"/> decides about functions that need a key (the Functions host
    /// checks function keys itself before forwarding, so the custom handler passes null; the standalone host checks the admin key).
    /// </summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, Func<HttpContext, Task<IResult?>>? authorize = null)
    {
        var invoker = endpoints.ServiceProvider.GetRequiredService<FunctionInvoker>();
        foreach (var (function, trigger) in invoker.Catalog.WithTrigger<HttpTriggerAttribute>())
        {
            var needsKey = trigger.AuthLevel != FunctionAuthLevel.Anonymous;
            endpoints.MapMethods($"/{HttpTriggerAttribute.RoutePrefix}/{trigger.Route}", trigger.Methods.Select(m => m.ToUpperInvariant()).ToArray(),
                async (HttpContext http) =>
                {
                    if (needsKey && authorize is not null && await authorize(http).ConfigureAwait(false) is { } denied) return denied;
                    return await invoker.InvokeHttpAsync(function, http).ConfigureAwait(false);
                })
                .WithName(function.Name);
        }
        return endpoints;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PsBill.Cli.Hosting.Security;

/// <summary>Wiring for the admin-key check of the standalone host. Not for the custom-handler host: there the
/// Functions host checks its own keys before forwarding, and the forwarded <c>x-functions-key</c> is not the admin key.</summary>
public static class AdminKeyExtensions
{
    /// <summary>Registers <see cref="AdminKeyVerifier"/> (needs an <c>ISecretStore</c>, e.g. from <c>AddPsBillCredentials</c>).</summary>
    public static IServiceCollection AddPsBillAdminKey(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdminKeyVerifier>();
        return services;
    }

    /// <summary>Requires the admin key on a minimal-API endpoint or route group.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter(new AdminKeyEndpointFilter());
    }

    /// <summary>Requires the admin key for every request under <paramref name="prefix"/>.</summary>
    public static IApplicationBuilder UseAdminKey(this IApplicationBuilder app, PathString prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<AdminKeyMiddleware>(prefix);
    }

    internal static IResult Unauthorized() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Admin key required",
        detail: $"Send the admin key in the {AdminKeyVerifier.AdminKeyHeader} header (or {AdminKeyVerifier.FunctionsKeyHeader}).");
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Storage;
using PsBill.Connector.Work;

namespace PsBill.Functions.Hosting;

/// <summary>The composition root shared by the custom-handler host, the standalone host, the CLI and the sandbox.</summary>
public static class PsBillServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the app needs. Each component plugs in with one line here; a caller (a test, the sandbox) may
    /// register its own services (a <c>TimeProvider</c>, an <c>ISecretStore</c>, a step) before calling this: every
    /// registration below is a TryAdd and keeps theirs.
    /// </summary>
    public static IServiceCollection AddPsBill(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPsBillStorage(configuration);
        services.AddPsBillWork(configuration);
        services.AddPsBillFunctions(configuration);
        // Components (one line each): credentials, BILL client, PeopleSoft client, sync and settlement steps and handlers.
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Bill;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Connector.Sync;
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
        services.AddPsBillSyncWhenConfigured(configuration);
        // Settlement (BILL to PeopleSoft) needs both clients too: added whenever they are, by configuration or by the caller.
        if (services.Any(d => d.ServiceType == typeof(BillClient)) && services.Any(d => d.ServiceType == typeof(PeopleSoftReader)))
            services.AddPsBillSettlement(configuration);
        return services;
    }

    /// <summary>
    /// The sync (PeopleSoft to BILL) needs both clients. When both are configured (<c>PsBill:Bill</c> and <c>PsBill:PeopleSoft</c>
    /// sections present) it is added with them; otherwise its functions fail loudly as "not configured" instead of the
    /// whole app refusing to start (the ops CLI and a host without credentials still work).
    /// </summary>
    private static void AddPsBillSyncWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetSection(BillClientOptions.SectionName).Exists() || !configuration.GetSection(PeopleSoftClientOptions.SectionName).Exists()) return;
        if (!services.Any(d => d.ServiceType == typeof(BillClient)))
        {
            services.AddBillClient(configuration);
            // BILL allows 3 calls in flight per organization across every instance: the gate is lease blobs in the app's storage.
            services.AddBillLeaseGate(sp => sp.GetRequiredService<PsBillStorage>().BlobService);
        }
        if (!services.Any(d => d.ServiceType == typeof(PeopleSoftReader))) services.AddPeopleSoftClient(configuration);
        services.AddPsBillSync(configuration);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Configuration;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Reconciliation;

/// <summary>Wiring of the tie-out report.</summary>
public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="TieOutService"/> and <see cref="ScheduledTieOut"/> (and the store, see <see cref="AddPsBillTieOuts"/>).
    /// Needs the BILL and PeopleSoft clients, storage and the settlement options: add it where those are added.</summary>
    public static IServiceCollection AddPsBillReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillTieOuts(configuration);
        services.TryAddSingleton<TieOutService>();
        services.TryAddSingleton<ScheduledTieOut>();
        return services;
    }

    /// <summary>Adds the stored tie-outs (<see cref="TieOutStore"/>, the <c>tieouts</c> table) and <c>PsBill:Reconciliation</c>:
    /// what the ops page, <c>psbill reconcile --latest</c> and the alerts read, with or without the clients.</summary>
    public static IServiceCollection AddPsBillTieOuts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<ReconciliationOptions>(configuration, ReconciliationOptions.Section);
        services.AddPsBillTable(TieOutStore.TableName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TieOutStore>();
        return services;
    }
}

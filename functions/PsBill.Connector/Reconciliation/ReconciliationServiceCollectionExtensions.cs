using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PsBill.Connector.Reconciliation;

/// <summary>Wiring of the tie-out report.</summary>
public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="TieOutService"/>. Needs the BILL and PeopleSoft clients, storage and the settlement options
    /// (add it where those are added).</summary>
    public static IServiceCollection AddPsBillReconciliation(this IServiceCollection services)
    {
        services.TryAddSingleton<TieOutService>();
        return services;
    }
}

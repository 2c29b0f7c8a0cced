using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Workflows.Http.Ops.Attention;
using PsBill.Workflows.Http.Ops.Overview;
using PsBill.Workflows.Http.Ops.Records;

namespace PsBill.Workflows.Http.Ops;

/// <summary>Wiring of the operator's console (<see cref="ConsoleApi"/> and what it reads with).</summary>
public static class ConsoleServiceCollectionExtensions
{
    /// <summary>Adds the console's services (needs the storage services).</summary>
    public static IServiceCollection AddPsBillConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<AttentionBoard>();
        services.TryAddSingleton<OpsOverview>();
        services.TryAddSingleton<RecordFinder>();
        services.TryAddSingleton<RecordReader>();
        services.TryAddSingleton<ConsoleApi>();
        return services;
    }
}

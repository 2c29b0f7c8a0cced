using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Configuration;
using PsBill.Functions.Functions;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting;

/// <summary>Wiring of the function classes.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Adds the catalog, every function class (scoped: one per invocation), the schedules and the invoker.</summary>
    public static IServiceCollection AddPsBillFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<ScheduleOptions>(configuration, ScheduleOptions.Section);
        services.TryAddSingleton(FunctionCatalog.Default);
        foreach (var function in FunctionCatalog.Default.Functions) services.TryAddScoped(function.Type);
        services.TryAddScoped<ScheduledRun>();
        services.TryAddSingleton<FunctionInvoker>();
        return services;
    }
}

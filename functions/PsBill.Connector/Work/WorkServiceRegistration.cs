using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Configuration;

namespace PsBill.Connector.Work;

/// <summary>Wiring of the work queue and the dispatcher (storage must be added too).</summary>
public static class WorkServiceRegistration
{
    /// <summary>Adds <see cref="WorkOptions"/> (<c>PsBill:Work</c>), the ambient <see cref="IWorkSink"/>, <see cref="WorkReplay"/> and <see cref="WorkDispatcher"/>.</summary>
    public static IServiceCollection AddPsBillWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<WorkOptions>(configuration, WorkOptions.Section);
        services.TryAddSingleton<IWorkSink, AmbientWorkSink>();
        services.TryAddSingleton<WorkReplay>();
        services.TryAddScoped<WorkDispatcher>();
        return services;
    }
}

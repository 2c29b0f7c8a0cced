using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PsBill.Connector.Work;

/// <summary>Registration of work item handlers.</summary>
public static class WorkServiceCollectionExtensions
{
    /// <summary>Adds a handler for its <see cref="IWorkItemHandler.Kind"/> (one line per component).</summary>
    public static IServiceCollection AddWorkItemHandler<THandler>(this IServiceCollection services)
        where THandler : class, IWorkItemHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IWorkItemHandler, THandler>());
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Leases;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Storage.Metering;
using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Storage;

/// <summary>Wiring of the storage layer.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the storage account (from <c>AzureWebJobsStorage</c>), the names (<c>PsBill:Storage:Prefix</c>), the stores
    /// (ledger, audit trail, runs, checkpoints, mappings, leases) and the provisioner that creates every table, queue
    /// and container when a host starts.
    /// </summary>
    public static IServiceCollection AddPsBillStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<StorageOptions>(configuration, StorageOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>>(new StorageConnectionValidator(configuration)));
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.TryAddSingleton<StorageOperationCounter>();
        services.TryAddSingleton(sp =>
        {
            var connection = sp.GetRequiredService<StorageConnection>();
            return new PsBillStorage(
                connection.CreateTableServiceClient(sp.GetRequiredService<StorageOperationCounter>()),
                connection.CreateQueueServiceClient(),
                connection.CreateBlobServiceClient(),
                new StorageNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix));
        });

        foreach (var table in new[] { StorageNames.Tables.Ledger, StorageNames.Tables.Audit, StorageNames.Tables.Runs, StorageNames.Tables.Checkpoints, StorageNames.Tables.Mappings, StorageNames.Tables.Failures })
            services.AddPsBillTable(table);
        services.TryAddSingleton(sp =>
        {
            var layout = new StorageLayout();
            foreach (var table in sp.GetServices<StorageTableRegistration>()) layout.AddTable(table.LogicalName);
            return layout;
        });

        services.TryAddSingleton<LedgerStore>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<Failures.FailedItemStore>();
        services.TryAddSingleton<RunStore>();
        services.TryAddSingleton<CheckpointStore>();
        services.TryAddSingleton<MappingStore>();
        services.TryAddSingleton<BlobLeases>();

        services.TryAddSingleton<StorageProvisioner>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageProvisioner>());
        return services;
    }

    /// <summary>Has a component's own table created at start (e.g. <c>settlements</c>); get its client with
    /// <see cref="PsBillStorage.Table"/>.</summary>
    public static IServiceCollection AddPsBillTable(this IServiceCollection services, string logicalName)
    {
        if (!services.Any(d => d.ImplementationInstance is StorageTableRegistration r && string.Equals(r.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase)))
            services.AddSingleton(new StorageTableRegistration(logicalName));
        return services;
    }
}

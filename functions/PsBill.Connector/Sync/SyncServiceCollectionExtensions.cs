using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Polling;
using PsBill.Connector.Sync.Preview;
using PsBill.Connector.Sync.ReferenceData;
using PsBill.Connector.Sync.Snapshots;
using PsBill.Connector.Sync.Suppliers;
using PsBill.Connector.Sync.Vouchers;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Sync;

/// <summary>Wiring of the PeopleSoft-to-BILL sync.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SyncOptions"/> (<c>PsBill:Sync</c>), the snapshot table, the steps of SyncReferenceData, PollSuppliers and
    /// PollVouchers, and the <c>supplier</c> and <c>voucher</c> work item handlers. Needs storage, work, the BILL client and the
    /// PeopleSoft client registered too.
    /// </summary>
    public static IServiceCollection AddPsBillSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<SyncOptions>(configuration, SyncOptions.Section);
        services.AddPsBillTable(SourceSnapshotStore.TableName);
        services.AddPsBillOptions<AdoptionOptions>(configuration, AdoptionOptions.Section);
        services.AddPsBillTable(AdoptionStore.TableName);
        services.TryAddSingleton<AdoptionStore>();
        services.TryAddSingleton<BillDirectory>();
        services.TryAddSingleton<VendorMatcher>();

        services.TryAddSingleton<SavedSnapshotCache>();
        services.TryAddSingleton<SourceSnapshotStore>();
        services.TryAddSingleton<SyncLedger>();
        services.TryAddSingleton<VendorTranslator>();
        services.TryAddSingleton<BillTranslator>();
        services.TryAddSingleton<VendorRecords>();
        services.TryAddSingleton<BillRecords>();
        services.TryAddSingleton<ParkedRequeue>();
        services.TryAddSingleton<VendorLinkCache>();
        services.TryAddSingleton<RunCountsBuffer>();

        services.TryAddScoped<SyncEngine>();
        services.TryAddScoped<CreateResultWriter>();
        services.TryAddScoped<VendorSync>();
        services.TryAddScoped<BillSync>();
        services.TryAddScoped<IncrementalPoll>();
        services.TryAddScoped<WithdrawnVoucherSweep>();
        services.TryAddScoped<SyncPreview>();
        services.TryAddScoped<VendorMatchReview>();

        services.TryAddScoped<IReferenceDataSync, ReferenceDataSync>();
        services.TryAddScoped<ISupplierPoll, SupplierPoll>();
        services.TryAddScoped<IVoucherPoll, VoucherPoll>();
        services.AddWorkItemHandler<SupplierWorkHandler>();
        services.AddWorkItemHandler<VoucherWorkHandler>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Configuration;
using PsBill.Connector.Settlement.Export;
using PsBill.Connector.Settlement.Polling;
using PsBill.Connector.Settlement.Posting;
using PsBill.Connector.Settlement.Webhooks;
using PsBill.Connector.Storage;
using PsBill.Connector.Work;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Settlement;

/// <summary>Wiring of BILL-to-PeopleSoft settlement.</summary>
public static class SettlementServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SettlementOptions"/> (<c>PsBill:Settlement</c>), the settlements, webhook-events and bill-voucher
    /// tables, the webhook receiver (<see cref="IBillWebhookReceiver"/>), the payment poll (<see cref="IPaymentPoll"/>),
    /// the <c>payment</c> work item handler with its three posting modes, the subscriber and the exporter.
    /// Needs storage and work (<c>AddPsBillStorage</c>, <c>AddPsBillWork</c>), the BILL and PeopleSoft clients
    /// (<c>AddBillClient</c>, <c>AddPeopleSoftClient</c>) and an <c>ISecretStore</c>.
    /// </summary>
    public static IServiceCollection AddPsBillSettlement(this IServiceCollection services, IConfiguration configuration)
    {
        // Idempotent: the composition root and a CLI command may both add it.
        if (services.Any(d => d.ServiceType == typeof(SettlementStore))) return services;
        services.AddPsBillOptions<SettlementOptions>(configuration, SettlementOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPsBillTable(SettlementTables.Settlements);
        services.AddPsBillTable(SettlementTables.WebhookEvents);
        services.AddPsBillTable(SettlementTables.BillVouchers);

        services.TryAddSingleton<BillVoucherIndex>();
        services.TryAddSingleton<WebhookEventStore>();
        services.TryAddSingleton<SettlementStore>();

        // Transient like the PeopleSoft reader and writer they hold.
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISettlementPoster, VoucherPaymentPoster>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISettlementPoster, JournalPoster>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISettlementPoster, StagedPoster>());
        services.TryAddTransient<PaymentSettler>();
        services.AddWorkItemHandler<PaymentSettlementHandler>();

        services.TryAddTransient<IBillWebhookReceiver, BillWebhookReceiver>();
        services.TryAddTransient<IPaymentPoll, PaymentPoll>();
        services.TryAddTransient<WebhookSubscriber>();
        services.TryAddTransient<SettlementExporter>();
        return services;
    }
}

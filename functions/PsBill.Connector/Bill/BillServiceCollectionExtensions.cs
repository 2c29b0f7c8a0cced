using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Resilience;
using PsBill.Connector.Bill.Session;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Bill;

/// <summary>Wiring for the BILL client. Needs an <see cref="ISecretStore"/> registered; uses the registered
/// <see cref="TimeProvider"/> (or the system clock).</summary>
public static class BillServiceCollectionExtensions
{
    /// <summary>Adds <see cref="BillClient"/>, <see cref="BulkSplitter"/> and <see cref="WebhookSignatureVerifier"/>, with options
    /// bound from <c>PsBill:Bill</c> and <c>PsBill:Bill:Gate</c> and validated at start. The gate is
    /// <see cref="FlowSlotBillCallGate"/>: the flows hold the BillGate slots; outside a flow it is in-process.</summary>
    public static IServiceCollection AddBillClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddBillClient(
            options => configuration.GetSection(BillClientOptions.SectionName).Bind(options),
            gate => configuration.GetSection(BillGateOptions.SectionName).Bind(gate));
    }

    /// <summary>Adds the BILL client with options set in code (tests, the sandbox).</summary>
    public static IServiceCollection AddBillClient(this IServiceCollection services, Action<BillClientOptions> configure, Action<BillGateOptions>? configureGate = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BillClientOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BillGateOptions>().Configure(configureGate ?? (_ => { })).ValidateDataAnnotations().ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BillHttpChannel.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<BillClientOptions>>().Value.RequestTimeout);
        services.TryAddSingleton<IBillCallGate, FlowSlotBillCallGate>();
        services.TryAddSingleton<BillResiliencePipelines>();
        services.TryAddSingleton<BillHourlyCalls>();
        services.TryAddSingleton<BillHttpChannel>();
        services.TryAddSingleton<BillSessionProvider>();
        services.TryAddSingleton(sp => new BillClient(
            sp.GetRequiredService<BillHttpChannel>(),
            sp.GetRequiredService<BillSessionProvider>(),
            sp.GetRequiredService<BillResiliencePipelines>(),
            sp.GetRequiredService<ILogger<BillClient>>()));
        services.TryAddSingleton<BulkSplitter>();
        services.TryAddSingleton<WebhookSignatureVerifier>();
        return services;
    }
}

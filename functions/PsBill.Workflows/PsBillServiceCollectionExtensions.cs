using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Alerts;
using PsBill.Connector.Bill;
using PsBill.Connector.Configuration;
using PsBill.Connector.Credentials;
using PsBill.Connector.Credentials.Checks;
using PsBill.Connector.Diagnostics;
using PsBill.Connector.Diagnostics.Telemetry;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Connector.Sync;
using PsBill.Connector.Work;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Http;
using PsBill.Workflows.Http.Ops;
using PsBill.Workflows.Replay;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows;

/// <summary>The composition root shared by the isolated worker app, <c>psbill run</c>, the CLI and the sandbox.</summary>
public static class PsBillServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the app needs. Each component plugs in with one line here; a caller (a test, the sandbox) may
    /// register its own services (a <c>TimeProvider</c>, an <c>ISecretStore</c>, a step) before calling this: every
    /// registration below is a TryAdd and keeps theirs.
    /// </summary>
    public static IServiceCollection AddPsBill(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Secrets: Key Vault in Azure, an encrypted file locally; a store registered by the caller (tests, sandbox) wins.
        services.AddPsBillCredentials(configuration);
        // Every outgoing HTTP call is logged with Authorization, devKey, sessionId and password fields redacted.
        services.AddPsBillHttpLogging();
        services.AddPsBillStorage(configuration);
        services.AddPsBillWork(configuration);
        // Components (one line each): credentials, BILL client, PeopleSoft client, sync and settlement steps and handlers.
        services.AddPsBillSyncWhenConfigured(configuration);
        // Settlement (BILL to PeopleSoft) needs both clients too: added whenever they are, by configuration or by the caller.
        if (services.Any(d => d.ServiceType == typeof(BillClient)) && services.Any(d => d.ServiceType == typeof(PeopleSoftReader)))
        {
            services.AddPsBillSettlement(configuration);
            // The tie-out reads both clients and explains with the settlement's rows.
            services.AddPsBillReconciliation(configuration);
        }
        // The stored tie-outs: the ops page, psbill reconcile --latest and the alerts read them with or without the clients.
        services.AddPsBillTieOuts(configuration);
        // Alerts (webhook, e-mail) and the health model behind /api/health; telemetry (traces, metrics) for every host.
        services.AddPsBillAlerts(configuration);
        services.AddPsBillTelemetry(configuration);
        services.AddPsBillWorkflows(configuration);
        return services;
    }

    /// <summary>The Durable layer: activities, starters and HTTP endpoints (the orchestrators and the entity need no services).</summary>
    private static void AddPsBillWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<ScheduleOptions>(configuration, ScheduleOptions.Section);
        services.TryAddSingleton<WorkSettingsFactory>();
        services.TryAddSingleton<FlowStarter>();
        services.TryAddSingleton<WorkStarter>();
        services.TryAddSingleton<ReplayStarter>();
        services.TryAddSingleton<StartRunActivity>();
        services.TryAddSingleton<RunFlowStepActivity>();
        services.TryAddSingleton<RunWorkItemActivity>();
        services.TryAddSingleton<RunWorkItemsActivity>();
        services.TryAddSingleton<RecordResultsActivity>();
        services.TryAddSingleton<SaveCheckpointsActivity>();
        services.TryAddSingleton<RecordFailuresActivity>();
        services.TryAddSingleton<CompleteRunActivity>();
        services.TryAddSingleton<ReadBillForTieOutActivity>();
        services.TryAddSingleton<TieOutActivity>();
        services.TryAddSingleton<BillWebhookEndpoint>();
        services.TryAddSingleton<OpsEndpoint>();
        services.TryAddSingleton<HealthEndpoint>();
        services.AddPsBillConsole();
    }

    /// <summary>
    /// The sync (PeopleSoft to BILL) needs both clients. When both are configured (<c>PsBill:Bill</c> and <c>PsBill:PeopleSoft</c>
    /// sections present) it is added with them; otherwise its flows fail loudly as "not configured" instead of the
    /// whole app refusing to start (the ops page and the CLI still work).
    /// </summary>
    private static void AddPsBillSyncWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetSection(BillClientOptions.SectionName).Exists() || !configuration.GetSection(PeopleSoftClientOptions.SectionName).Exists()) return;
        if (!services.Any(d => d.ServiceType == typeof(BillClient))) services.AddBillClient(configuration);
        if (!services.Any(d => d.ServiceType == typeof(PeopleSoftReader))) services.AddPeopleSoftClient(configuration);
        services.AddPsBillSync(configuration);
        services.AddPsBillCredentialChecks();
    }
}

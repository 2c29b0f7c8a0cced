using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PsBill.Connector.Alerts.Channels;
using PsBill.Connector.Alerts.Health;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Alerts;

/// <summary>Wiring of alerts and the health model.</summary>
public static class AlertServiceCollectionExtensions
{
    /// <summary>Adds <see cref="AlertMonitor"/>, <see cref="HealthService"/> (flow lag from <see cref="RunStoreFlowHistory"/> unless
    /// an <see cref="IFlowRunHistory"/> was registered first), the webhook and e-mail channels (each used only when set), the
    /// <c>alerts</c> table and options from <c>PsBill:Alerts</c>. Needs storage and a secret store.</summary>
    public static IServiceCollection AddPsBillAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPsBillOptions<AlertOptions>(configuration, AlertOptions.Section);
        services.AddPsBillTable(AlertStateStore.TableName);
        services.AddHttpClient(WebhookAlertChannel.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlertStateStore>();
        services.TryAddSingleton<IFlowRunHistory, RunStoreFlowHistory>();
        services.TryAddSingleton<HealthService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, WebhookAlertChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, SmtpAlertChannel>());
        services.TryAddSingleton<AlertMonitor>();
        return services;
    }
}

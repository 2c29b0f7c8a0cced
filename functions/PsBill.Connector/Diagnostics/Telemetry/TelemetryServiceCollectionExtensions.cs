using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PsBill.Connector.Configuration;

namespace PsBill.Connector.Diagnostics.Telemetry;

/// <summary>Wiring of OpenTelemetry for PsBill's <see cref="PsBillTelemetry.Source"/> and <see cref="PsBillTelemetry.Meter"/>.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The platform setting that turns on the Azure Monitor (Application Insights) exporter.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Collects PsBill's spans and metrics and exports them: to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
    /// is set, to OTLP when <c>PsBill:Telemetry:OtlpEndpoint</c> is, to the console when <c>PsBill:Telemetry:Console</c> is
    /// true. With none of them the providers still run (cheaply), so a test can add its own exporter with
    /// <c>ConfigureOpenTelemetryTracerProvider</c>. Service name <c>psbill</c>.
    /// </summary>
    public static IServiceCollection AddPsBillTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPsBillOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        var options = new TelemetryOptions();
        configuration.GetSection($"PsBill:{TelemetryOptions.Section}").Bind(options);
        var appInsights = configuration[ApplicationInsightsSetting];

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("psbill"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PsBillTelemetry.Name);
                if (!string.IsNullOrWhiteSpace(appInsights)) tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
                if (options.OtlpEndpoint is { } otlp) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                if (options.Console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PsBillTelemetry.Name);
                if (!string.IsNullOrWhiteSpace(appInsights)) metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
                if (options.OtlpEndpoint is { } otlp) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                if (options.Console) metrics.AddConsoleExporter();
            });
        return services;
    }
}

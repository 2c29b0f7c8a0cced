using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.Alerts;
using PsBill.Connector.Diagnostics.Telemetry;
using PsBill.Connector.Reconciliation;
using PsBill.Tests.Infra;

namespace PsBill.Tests.Alerts;

/// <summary>The alert, tie-out and telemetry values of local.settings.sample.json bind and validate (empty URLs mean "off").</summary>
public sealed class SampleSettingsTests
{
    [Fact]
    public void SampleSettings_AlertsAndTelemetry_BindAndValidate()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString()));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddLogging().AddPsBillTelemetry(configuration).AddPsBillAlerts(configuration)
            .AddPsBillTieOuts(configuration).BuildServiceProvider();

        var alerts = services.GetRequiredService<IOptions<AlertOptions>>().Value;
        var telemetry = services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        var reconciliation = services.GetRequiredService<IOptions<ReconciliationOptions>>().Value;

        Assert.Null(alerts.WebhookUrl);
        Assert.Equal(new Uri("http://127.0.0.1:7071/api/ops"), alerts.OpsPageUrl);
        Assert.Equal(TimeSpan.FromHours(3), alerts.MaxLag["SyncReferenceData"]);
        Assert.Equal(4, alerts.MaxLag.Count);
        Assert.Equal(0.8, alerts.BillQuotaWarningShare);
        Assert.Null(telemetry.OtlpEndpoint);
        Assert.False(telemetry.Console);
        Assert.True(reconciliation.AfterPollPayments);
        Assert.Equal(TimeSpan.FromHours(1), reconciliation.MinInterval);
        Assert.Equal(TimeSpan.FromDays(90), reconciliation.Retention);
    }
}

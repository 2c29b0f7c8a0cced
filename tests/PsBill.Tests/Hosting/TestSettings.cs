using Microsoft.Extensions.Configuration;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting;

/// <summary>Configuration for a test: Azurite, a unique prefix, fast queue polling, any free port.</summary>
internal static class TestSettings
{
    public static IConfiguration For(AzuriteFixture azurite, string prefix, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["PsBill:Storage:Prefix"] = prefix,
            ["PsBill:Standalone:Url"] = "http://127.0.0.1:0",
            ["PsBill:Standalone:ShutdownTimeout"] = "00:00:10",
            ["PsBill:Work:MaxPollingInterval"] = "00:00:00.200",
            ["PsBill:Work:RetryDelay"] = "00:00:00",
            // Far away, so that only the schedules a test sets fire.
            ["PsBill:Schedules:SyncReferenceData"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:PollSuppliers"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:PollVouchers"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:PollPayments"] = "0 0 0 1 1 *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? []) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}

using Microsoft.Extensions.Configuration;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting;

/// <summary>Configuration for a test: Azurite, a unique prefix and task hub, fast queue polling, any free port.</summary>
internal static class TestSettings
{
    public static IConfiguration For(AzuriteFixture azurite, string prefix, IEnumerable<KeyValuePair<string, string?>>? extra = null) =>
        For(azurite.ConnectionString, prefix, extra);

    /// <summary>The same on a storage of the test's own (e.g. an Azurite it stops).</summary>
    public static IConfiguration For(string storageConnectionString, string prefix, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["PsBill:Storage:Prefix"] = prefix,
            ["PsBill:Standalone:Url"] = "http://127.0.0.1:0",
            ["PsBill:Standalone:ShutdownTimeout"] = "00:00:10",
            // A task hub of the test's own: hosts sharing the emulator must not share work.
            ["PsBill:TaskHub"] = PsBill.Sandbox.World.SandboxWorld.TaskHubName(prefix),
            ["PsBill:Durable:ControlQueueVisibilityTimeout"] = "00:01:00",
            ["PsBill:Durable:WorkItemQueueVisibilityTimeout"] = "00:01:00",
            ["PsBill:Durable:MaxQueuePollingInterval"] = "00:00:01",
            // Far away, so that only the schedules a test sets fire.
            ["PsBill:Schedules:SyncReferenceData"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:PollSuppliers"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:PollVouchers"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:PollPayments"] = "0 0 0 1 1 *",
            ["PsBill:Schedules:CheckAlerts"] = "0 0 0 1 1 *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? []) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}

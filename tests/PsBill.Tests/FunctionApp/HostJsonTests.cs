using System.Text.Json;
using PsBill.Tests.Infra;

namespace PsBill.Tests.FunctionApp;

/// <summary>
/// The repository's <c>host.json</c>, which ships as the worker app's: the Durable task hub comes from an app setting and
/// the Azure Storage provider's settings are inside the ranges the extension accepts (it refuses to start otherwise).
/// </summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Host = Read();

    [Fact]
    public void DurableTask_HubName_IsTheTaskHubSetting()
    {
        Assert.Equal("%PsBill:TaskHub%", DurableTask().GetProperty("hubName").GetString());
    }

    [Fact]
    public void DurableTask_StorageProvider_IsWithinWhatTheAzureStorageProviderAccepts()
    {
        var storage = DurableTask().GetProperty("storageProvider");

        Assert.InRange(storage.GetProperty("partitionCount").GetInt32(), 1, 16);
        // The provider refuses a control queue visibility timeout outside 1..60 minutes; the same bounds keep the work
        // item queue's renewals (every timeout - 30 s) sane.
        foreach (var name in new[] { "controlQueueVisibilityTimeout", "workItemQueueVisibilityTimeout" })
            Assert.InRange(TimeSpan.Parse(storage.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(60));
        Assert.True(TimeSpan.Parse(storage.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
    }

    [Fact]
    public void DurableTask_Starts_ReplaceOnlyInstancesThatAreNotRunning()
    {
        var durable = DurableTask();

        // The flows are singletons by instance id: a start must never replace a running one.
        Assert.Equal("NonRunningStates", durable.GetProperty("overridableExistingInstanceStates").GetString());
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32() > 0);
    }

    [Fact]
    public void DurableTask_ExtendedSessions_AreOnWithAnIdleTimeout()
    {
        var durable = DurableTask();

        // The isolated worker keeps a running instance in memory between episodes instead of reading its history again.
        Assert.True(durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.InRange(durable.GetProperty("extendedSessionIdleTimeoutInSeconds").GetInt32(), 1, 600);
    }

    [Fact]
    public void HostJson_CustomHandlerQueuesAndBundle_AreGone()
    {
        Assert.Equal("2.0", Host.GetProperty("version").GetString());
        Assert.False(Host.TryGetProperty("customHandler", out _), "the app is an isolated worker, not a custom handler");
        // An isolated app carries its host-side extensions in .azurefunctions/ (built by the Worker SDK), not a bundle.
        Assert.False(Host.TryGetProperty("extensionBundle", out _), "an isolated app does not use an extension bundle");
        Assert.False(Host.GetProperty("extensions").TryGetProperty("queues", out _), "no queue trigger is left");
        Assert.Equal("api", Host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void HostJson_TelemetryMode_IsOpenTelemetry()
    {
        // The host's own telemetry in OpenTelemetry form, correlated with the worker's (UseFunctionsWorkerDefaults) and PsBill's spans.
        Assert.Equal("OpenTelemetry", Host.GetProperty("telemetryMode").GetString());
    }

    private static JsonElement DurableTask() => Host.GetProperty("extensions").GetProperty("durableTask");

    private static JsonElement Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "host.json")));
        return document.RootElement.Clone();
    }
}

using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.World;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Functions.Console;

/// <summary>Runs as orchestration instances on a host without the sync: terminate, restart, purge, and the paged failed list.</summary>
public sealed class ConsoleRunsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "test-admin-key";

    private async Task<StandaloneHost> StartAsync()
    {
        var host = StandaloneHost.Create(
            TestSettings.For(azurite, AzuriteFixture.UniquePrefix(), [new("PsBill:Standalone:RunTimers", "false"), new("PsBill:Work:MaxRetries", "50"), new("PsBill:Sync:RetryDelay", "00:00:05")]),
            services => services.AddSingleton<ISecretStore>(new InMemorySecretStore([new(SecretNames.AdminKey, AdminKey)])));
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task Instance_TerminateRestartPurge_ChangeTheTaskHubAndRefuseWhatTheStateForbids()
    {
        // A parked supplier with its PeopleSoft record, and a BILL that takes minutes to answer: the replay's first BILL call
        // is still waiting when the test terminates it, however fast the machine.
        await using var world = await SandboxWorld.StartAsync(new SandboxSettings
        {
            Suppliers = 2, Vouchers = 0, BillLatency = TimeSpan.FromMinutes(5),
            StorageConnectionString = azurite.ConnectionString, StoragePrefix = AzuriteFixture.UniquePrefix(),
        });
        var host = world.Host;
        using var ops = OpsHttp.For(host.BaseAddress, world.Secrets[SecretNames.AdminKey]);
        var ledger = host.Services.GetRequiredService<LedgerStore>();
        var supplier = PsBill.Tests.Sync.SyncSamples.Supplier();
        await host.Services.GetRequiredService<PsBill.Connector.Sync.Snapshots.SourceSnapshotStore>().SaveAsync([PsBill.Connector.Sync.Snapshots.SnapshotJson.Of(supplier)]);
        var intent = (await ledger.TryInsertIntentAsync(supplier.Key, null, null)).Entry;
        await ledger.UpdateAsync(intent with { State = LedgerState.Parked, ParkedReason = "no remit address" });
        var (_, replay) = await ops.PostAsync("replay", new { keys = new[] { supplier.Key } });
        var id = (string)replay!["instanceId"]!;
        var driver = new FlowDriver(host.Services);
        var client = await driver.ClientAsync();
        await client.WaitForInstanceStartAsync(id);

        var purgeRunning = await ops.PostAsync($"orchestrations/{id}/purge");
        var terminate = await ops.PostAsync($"orchestrations/{id}/terminate");
        Assert.True(terminate.Status == 200, $"purge {purgeRunning.Status} {purgeRunning.Body?.ToJsonString()}, terminate {terminate.Status}: {terminate.Body?.ToJsonString()}");
        var ended = await WaitEndedAsync(client, id);
        var terminateAgain = await ops.PostAsync($"orchestrations/{id}/terminate");
        var listed = await ops.GetAsync("orchestrations?name=Replay&status=Terminated");
        var timeline = await ops.GetAsync($"orchestrations/{id}/timeline");
        var restart = await ops.PostAsync($"orchestrations/{id}/restart");
        await client.WaitForInstanceStartAsync(id);
        await ops.PostAsync($"orchestrations/{id}/terminate");
        await WaitEndedAsync(client, id);
        var purge = await ops.PostAsync($"orchestrations/{id}/purge");
        var gone = await ops.Http.GetAsync($"/api/ops/api/orchestrations/{id}");

        Assert.Equal(409, purgeRunning.Status);
        Assert.Equal(200, terminate.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
        Assert.Equal(409, terminateAgain.Status);
        Assert.Contains(listed["items"]!.AsArray(), i => (string)i!["instanceId"]! == id);
        Assert.Contains(timeline["timeline"]!.AsArray(), r => (string)r!["kind"]! == "terminated");
        Assert.Equal(200, restart.Status);
        Assert.Equal(200, purge.Status);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task<OrchestrationMetadata> WaitEndedAsync(DurableTaskClient client, string id)
    {
        // Polled: the terminal statuses FlowDriver waits for do not include Terminated.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var instance = await client.GetInstanceAsync(id);
            if (instance is not null && !PsBill.Workflows.Starting.FlowStarter.IsActive(instance.RuntimeStatus)) return instance;
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"{id} is still {instance?.RuntimeStatus}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task FailedPage_MoreThanAPage_WalksEveryItemWithTokens()
    {
        await using var host = await StartAsync();
        using var ops = OpsHttp.For(host.BaseAddress, AdminKey);
        var failures = host.Services.GetRequiredService<FailedItemStore>();
        var keys = Enumerable.Range(1, 7).Select(i => $"voucher:US001:{i:D8}").ToList();
        foreach (var key in keys) await failures.RecordAsync(key, "PeopleSoft timed out", null);

        var paged = await ops.AllPagesAsync("failed/page", pageSize: 3);
        var attention = await ops.AllPagesAsync("attention/failed", pageSize: 2);
        var overview = await ops.GetAsync("overview");
        var unknown = await ops.Http.GetAsync("/api/ops/api/attention/nothing");

        Assert.Equal(keys, paged.Select(i => (string)i["key"]!).Order(StringComparer.Ordinal));
        Assert.Equal(keys, attention.Select(i => (string)i["key"]!).Order(StringComparer.Ordinal));
        Assert.Equal(7, (int)overview["today"]!["failed"]!);
        Assert.Equal("failed", (string)overview["attention"]![0]!["cause"]!);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

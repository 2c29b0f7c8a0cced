using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.Memory;
using PsBill.Sandbox.World;
using PsBill.Simulators.Azurite;
using PsBill.Simulators.Network;
using PsBill.Tests.Credentials;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;

namespace PsBill.Tests.Crash;

/// <summary>
/// A crash test's world: an Azurite of its own on a data folder (so it can be stopped and started again on the same
/// ports and data), the seeded simulators in the test process, and <c>psbill run</c> as a child process wired to them
/// through environment variables, with its secrets in a local credential store file (never in settings). Disposing stops
/// the child, the simulators and Azurite, each by the process id this world owns, and deletes the folder.
/// </summary>
internal sealed class CrashWorld : IAsyncDisposable
{
    private readonly TemporaryFolder _folder;
    private readonly ServiceProvider _storage;

    private CrashWorld(TemporaryFolder folder, AzuriteProcess azurite, SandboxWorld world, HostProcess host, ServiceProvider storage)
    {
        _folder = folder;
        Azurite = azurite;
        World = world;
        Host = host;
        _storage = storage;
        Ops = new OpsClient(host.BaseAddress, world.Secrets[SecretNames.AdminKey]);
    }

    public AzuriteProcess Azurite { get; }

    /// <summary>The simulators (no connector in-process).</summary>
    public SandboxWorld World { get; }

    /// <summary>The connector: <c>psbill run</c>, a child process.</summary>
    public HostProcess Host { get; }

    public OpsClient Ops { get; }

    public static async Task<CrashWorld> StartAsync(int suppliers = CrashRun.Suppliers, int vouchers = CrashRun.Vouchers, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = new TemporaryFolder();
        var parts = new List<IAsyncDisposable>();
        try
        {
            var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = folder.File("azurite") });
            parts.Add(azurite);
            var sandbox = CrashRun.Settings(azurite.ConnectionString, AzuriteFixture.UniquePrefix(), inProcessHost: false, suppliers, vouchers);
            var world = await SandboxWorld.StartAsync(sandbox with { Settings = Merge(sandbox.Settings, settings) });
            parts.Add(world);

            // The CLI's own local store (what `psbill credentials set` writes) and the world's settings as its environment.
            var url = new Uri($"http://127.0.0.1:{LoopbackPort.Pick()}");
            var environment = await ConnectorLaunch.EnvironmentAsync(world, url, folder.File("credentials/credentials.bin"));
            // One line per entry with the time, and the Durable engine's own warnings (lost messages, asserts), for the log.
            environment["Logging__Console__FormatterName"] = "simple";
            environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
            environment.TryAdd("Logging__LogLevel__DurableTask.AzureStorage", "Warning");
            environment.TryAdd("Logging__LogLevel__PsBill.Cli.Hosting", "Information");
            var work = Directory.CreateDirectory(folder.File("work")).FullName;
            // The child's log outlives the world, so a failed run can be read afterwards.
            var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "psbill-crash-logs")).FullName;
            var host = new HostProcess(environment, work, url, Path.Combine(logs, sandbox.StoragePrefix + ".log"));
            parts.Add(host);

            var storage = new ServiceCollection().AddLogging()
                .AddPsBillStorage(new ConfigurationBuilder().AddInMemoryCollection(world.HostSettings).Build())
                .BuildServiceProvider();
            return new CrashWorld(folder, azurite, world, host, storage);
        }
        catch
        {
            for (var i = parts.Count - 1; i >= 0; i--) await parts[i].DisposeAsync();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Polls the ops API until <paramref name="flow"/>'s singleton has completed. A child that exits by itself is restarted
    /// when <paramref name="supervise"/> (as a supervisor would, noting its exit code), else the wait fails.
    /// </summary>
    /// <returns>The exit codes of the children that exited by themselves meanwhile.</returns>
    public async Task<IReadOnlyList<int>> WaitForFlowAsync(string flow, TimeSpan timeout, bool supervise = false)
    {
        var exits = new List<int>();
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (!Host.IsRunning)
            {
                var code = Host.ExitCode ?? -1;
                Assert.True(supervise, $"psbill run exited by itself ({code}) while {flow} ran; see {Host.LogPath}:\n{Host.Tail()}");
                exits.Add(code);
                try
                {
                    await Host.StartAsync(HostStartTimeout);
                }
                catch (InvalidOperationException) when (!Host.IsRunning)
                {
                    // It could not start (storage still down): a supervisor tries again.
                    await Task.Delay(1000);
                    continue;
                }
            }
            var status = await Ops.FlowStatusAsync(flow);
            if (status == "Completed") return exits;
            Assert.False(status is "Failed" or "Terminated", $"{flow} {status}; see {Host.LogPath}:\n{Host.Tail()}");
            Assert.True(TimeProvider.System.GetElapsedTime(started) < timeout,
                $"{flow} is still {status ?? "unanswered"} after {timeout} (BILL holds {World.Bill.GetFigures().Bills} bills); see {Host.LogPath}:\n{Host.Tail()}");
            await Task.Delay(500);
        }
    }

    /// <summary>Waits (10 ms steps) until <paramref name="condition"/> holds, e.g. until BILL holds so many bills.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < timeout, $"not {what} after {timeout}; see {Host.LogPath}:\n{Host.Tail()}");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Subscribes the child's webhook endpoint to BILL's payment notifications, as <c>psbill bill webhook subscribe</c> would,
    /// and puts the subscription's security key in the child's credential store (it reads a secret it has not asked for yet).
    /// </summary>
    public async Task SubscribeHostToWebhooksAsync()
    {
        // The connector's own composition over the child's settings and credential store: the subscriber writes the key there.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(World.HostSettings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PsBill:Credentials:Store"] = nameof(SecretStoreKind.Local),
            ["PsBill:Credentials:LocalPath"] = _folder.File("credentials/credentials.bin"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddPsBill(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PsBill.Connector.Settlement.Webhooks.WebhookSubscriber>().SubscribeAsync(new Uri(Host.BaseAddress, "api/bill/webhook"));
    }

    /// <summary>How long a child may take to serve HTTP after a start.</summary>
    public static readonly TimeSpan HostStartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Ledger rows in state "intent" now (after a kill: what the dead host left unrecorded).</summary>
    public async Task<int> IntentCountAsync()
    {
        var count = 0;
        await foreach (var _ in Ledger.QueryByStateAsync(LedgerState.Intent)) count++;
        return count;
    }

    /// <summary>The ledger the child writes.</summary>
    public LedgerStore Ledger => _storage.GetRequiredService<LedgerStore>();

    /// <summary>The failures table the child writes (work given up after every retry).</summary>
    public FailedItemStore Failures => _storage.GetRequiredService<FailedItemStore>();

    /// <summary>What the run left, from BILL's own state and the ledger.</summary>
    public Task<RunOutcome> OutcomeAsync() =>
        RunOutcome.ReadAsync(World, Ledger, Failures);

    public async ValueTask DisposeAsync()
    {
        Ops.Dispose();
        await Host.DisposeAsync();
        await _storage.DisposeAsync();
        await World.DisposeAsync();
        await Azurite.DisposeAsync();
        _folder.Dispose();
    }

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> first, IReadOnlyDictionary<string, string?>? second)
    {
        var merged = new Dictionary<string, string?>(first);
        foreach (var (key, value) in second ?? new Dictionary<string, string?>()) merged[key] = value;
        return merged;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage;
using PsBill.Cli.Hosting;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Simulators.Azurite;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Sandbox.World;

/// <summary>
/// Everything a sandbox run needs, started in order and stopped in reverse: Azurite (unless given one), the simulated
/// PeopleSoft (seeded) and BILL (seeded with the matching classifications), and the standalone host in-process, wired to
/// them with throwaway credentials. The end-to-end tests start the same world.
/// </summary>
public sealed class SandboxWorld : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];

    private SandboxWorld(SandboxSettings settings) => Settings = settings;

    /// <summary>What the world was started with.</summary>
    public SandboxSettings Settings { get; }

    /// <summary>The simulated PeopleSoft.</summary>
    public PeopleSoftSimulator PeopleSoft { get; private set; } = null!;

    /// <summary>The simulated BILL.</summary>
    public BillSimulator Bill { get; private set; } = null!;

    /// <summary>What BILL held before the connector (<see cref="SandboxSettings.Preexisting"/>).</summary>
    public PreexistingSeed Preexisting { get; private set; } = PreexistingSeed.None;

    /// <summary>The connector, in-process (null when <see cref="SandboxSettings.InProcessHost"/> is false).</summary>
    public StandaloneHost Host { get; private set; } = null!;

    /// <summary>The settings the world gives the connector (configuration keys with <c>:</c>): the simulators' addresses,
    /// the storage, short retry and crash-recovery times, and <see cref="SandboxSettings.Settings"/> on top.</summary>
    public IReadOnlyDictionary<string, string?> HostSettings { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The world's throwaway credentials by secret name, for a connector that runs out of process (it reads them
    /// from a secret store of its own, never from settings).</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();

    /// <summary>The host's services (stores, queue, clients).</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The storage connection string in use.</summary>
    public string StorageConnectionString { get; private set; } = "";

    /// <summary>Starts a world; on failure stops what it had started. <paramref name="configureServices"/> adds to the host's
    /// services (e.g. telemetry with an in-memory exporter) before the composition root fills in the rest.</summary>
    public static async Task<SandboxWorld> StartAsync(SandboxSettings settings, ILoggerProvider? logs = null, CancellationToken cancellationToken = default,
        Action<IServiceCollection>? configureServices = null)
    {
        var world = new SandboxWorld(settings);
        try
        {
            await world.StartPartsAsync(logs, configureServices, cancellationToken).ConfigureAwait(false);
            return world;
        }
        catch
        {
            await world.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts flows and waits for orchestrations, as the timers and an operator would.</summary>
    public FlowDriver Flows => new(Services);

    /// <summary>Runs a timer flow once (SyncReferenceData, PollSuppliers, PollVouchers, PollPayments), as its timer would,
    /// and waits until its orchestration completed: every page read, every batch sent.</summary>
    public Task InvokeTimerAsync(string function, CancellationToken cancellationToken = default) =>
        Flows.RunAsync(function, TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);

    /// <summary>Waits until no orchestration runs (settlements started by webhooks, replays, retries).</summary>
    /// <exception cref="TimeoutException">Work was still running after <paramref name="timeout"/>.</exception>
    public Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Flows.WaitForIdleAsync(timeout, cancellationToken: cancellationToken);

    private async Task StartPartsAsync(ILoggerProvider? logs, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        StorageConnectionString = Settings.StorageConnectionString ?? await StartAzuriteAsync(cancellationToken).ConfigureAwait(false);

        var data = SandboxData.Generate(Settings);
        // Throwaway credentials, new for every run and unlike each other, so a leak check can tell them apart.
        PeopleSoft = await PeopleSoftSimulator.StartAsync(
            new PeopleSoftSimulatorOptions { Data = data, OperatorId = "SBX" + RandomText(6), Password = "ps-" + RandomText(16) },
            cancellationToken).ConfigureAwait(false);
        _started.Add(PeopleSoft);

        var billCredentials = new SimulatedCredentials(
            $"ap-sync-{RandomText(8).ToLowerInvariant()}@psbill.test", "bill-" + RandomText(16), "008" + RandomText(15), "dev-" + RandomText(20));
        Bill = await BillSimulator.StartAsync(
            new BillSimulatorOptions { Latency = Settings.BillLatency, RandomSeed = Settings.Seed, Credentials = [billCredentials] },
            cancellationToken).ConfigureAwait(false);
        _started.Add(Bill);
        SandboxData.SeedBill(Bill, data, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        Preexisting = await PreexistingData.SeedAsync(Bill, data, Settings.Preexisting).ConfigureAwait(false);

        Secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SecretNames.BillUsername] = Bill.Credentials.Username,
            [SecretNames.BillPassword] = Bill.Credentials.Password,
            [SecretNames.BillOrganizationId] = Bill.Credentials.OrganizationId,
            [SecretNames.BillDeveloperKey] = Bill.Credentials.DeveloperKey,
            [SecretNames.PeopleSoftOperatorId] = PeopleSoft.Options.OperatorId,
            [SecretNames.PeopleSoftPassword] = PeopleSoft.Options.Password,
            [SecretNames.AdminKey] = Guid.NewGuid().ToString("N"),
        };
        HostSettings = Configuration();
        if (!Settings.InProcessHost) return;

        var secrets = new InMemorySecretStore(Secrets);
        Host = StandaloneHost.Create(new ConfigurationBuilder().AddInMemoryCollection(HostSettings).Build(), services =>
        {
            services.AddSingleton<ISecretStore>(secrets);
            if (logs is not null) services.AddLogging(l => l.AddProvider(logs));
            configureServices?.Invoke(services);
        });
        _started.Add(Host);
        await Host.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string RandomText(int length) => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(length))[..length];

    private async Task<string> StartAzuriteAsync(CancellationToken cancellationToken)
    {
        var azurite = await AzuriteProcess.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _started.Add(azurite);
        return azurite.ConnectionString;
    }

    private Dictionary<string, string?> Configuration()
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = StorageConnectionString,
            ["PsBill:Storage:Prefix"] = Settings.StoragePrefix,
            ["PsBill:Standalone:Url"] = "http://127.0.0.1:0",
            ["PsBill:Standalone:RunTimers"] = "false",
            ["PsBill:Standalone:ShutdownTimeout"] = "00:00:10",
            ["PsBill:TaskHub"] = TaskHubName(Settings.StoragePrefix),
            // The shortest the Azure Storage provider allows: a crash resumes after a minute, not five.
            ["PsBill:Durable:ControlQueueVisibilityTimeout"] = "00:01:00",
            ["PsBill:Durable:WorkItemQueueVisibilityTimeout"] = "00:01:00",
            ["PsBill:Durable:MaxQueuePollingInterval"] = "00:00:01",
            ["PsBill:Work:ActivityFirstRetryDelay"] = "00:00:00.500",
            ["PsBill:Work:ActivityMaxRetryDelay"] = "00:00:10",
            ["PsBill:Bill:BaseUrl"] = Bill.BaseUrl.ToString(),
            ["PsBill:Bill:EventsBaseUrl"] = Bill.EventsBaseUrl.ToString(),
            ["PsBill:Bill:RequestTimeout"] = "00:00:30",
            ["PsBill:Bill:RateLimitBaseDelay"] = "00:00:00.100",
            ["PsBill:Bill:TransientBaseDelay"] = "00:00:00.050",
            ["PsBill:PeopleSoft:BaseUrl"] = PeopleSoft.BaseUrl.ToString(),
            ["PsBill:PeopleSoft:Node"] = PeopleSoft.Options.Node,
            ["PsBill:Sync:InFlightTimeout"] = "00:01:00",
            ["PsBill:Sync:RetryDelay"] = "00:00:01",
            ["PsBill:Sync:BusinessUnitSetIds"] = "US001=SHARE;US002=SHARE;CA001=CAN01",
            ["PsBill:Sync:SetIdCurrencies"] = "CAN01=CAD",
            ["PsBill:Settlement:ClaimRetryDelay"] = "00:00:00.250",
            ["PsBill:Settlement:RetryDelay"] = "00:00:01",
            // The report ties out once at the end; one after PollPayments too would read both systems twice per run.
            ["PsBill:Reconciliation:AfterPollPayments"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:PsBill"] = "Error", // parked items and retries are in the summary
            ["Logging:LogLevel:Polly"] = "Critical", // retries are expected; the summary counts what BILL refused
        };
        foreach (var (key, value) in Settings.Settings) values[key] = value;
        return values;
    }

    /// <summary>A task hub of the world's own (letters and digits), so worlds sharing an emulator do not share work.</summary>
    public static string TaskHubName(string storagePrefix)
    {
        var name = "Hub" + new string(storagePrefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length > 45 ? name[..45] : name;
    }

    /// <summary>Stops everything it started, newest first.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                if (_started[i] is StandaloneHost host) await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await _started[i].DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Keep stopping the rest: a leaked emulator is worse than a missed error at shutdown.
                await Console.Error.WriteLineAsync($"sandbox: stopping {_started[i].GetType().Name} failed: {ex.Message}").ConfigureAwait(false);
            }
        }
        _started.Clear();
    }
}

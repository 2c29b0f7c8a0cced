using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PsBill.Cli.Hosting.Security;
using PsBill.Connector.Configuration;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// <c>psbill run</c>: the app without the Functions host. A WebJobs host with the real Durable extension (the one the
/// Functions host loads in Azure) on Azure Storage runs the same orchestrators, activities and entity as the worker app,
/// through the Durable SDK's gRPC runners (the isolated protocol); WebJobs timers start the flows; Kestrel serves the HTTP
/// functions on <c>PsBill:Standalone:Url</c>. The task hub it writes is the one the worker app writes in Azure. Usable
/// in-process: tests and the sandbox create it with their own configuration and services, start it, and stop it.
/// </summary>
public sealed partial class StandaloneHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private StandaloneHost(WebApplication app) => _app = app;

    /// <summary>The services of the running host (stores, clients, the Durable client).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The address the HTTP functions listen on (after <see cref="StartAsync"/>), e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Builds the host on <paramref name="configuration"/>. <paramref name="configureServices"/> runs before <c>AddPsBill</c>,
    /// so what it registers (a fake clock, a secret store, steps and handlers) wins.
    /// </summary>
    /// <exception cref="PsBillConfigurationException">A setting the host needs before starting is wrong.</exception>
    public static StandaloneHost Create(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var builder = PsBillWebHost.CreateBuilder(IsolatedProtocol(configuration), configureServices);
        var options = Bind<StandaloneOptions>(configuration, StandaloneOptions.Section);
        var durable = Bind<DurableHostOptions>(configuration, DurableHostOptions.Section);
        if (configuration["PsBill:TaskHub"] is { Length: > 0 } hub) durable.TaskHub = hub;
        var errors = new SettingsValidator<StandaloneOptions>(SettingNames.Section(StandaloneOptions.Section)).Check(options)
            .Concat(new SettingsValidator<DurableHostOptions>(SettingNames.Section(DurableHostOptions.Section)).Check(durable)).ToList();
        if (errors.Count > 0) throw new PsBillConfigurationException(errors);

        builder.Services.AddPsBillOptions<StandaloneOptions>(configuration, StandaloneOptions.Section);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.UseUrls(options.Url);
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddDurableTask(o => DurableSettings.Apply(o, durable));
            if (options.RunTimers) webJobs.AddTimers();
        });
        // The WebJobs result aggregator queues every invocation's log entry, arguments included, for up to 1,000
        // invocations or 30 s to count them for Application Insights, which this host does not feed. An orchestrator's
        // argument is its whole history (the isolated protocol's request, up to a megabyte or two a page), so during a
        // 100,000-voucher first load a heap dump found it holding most of the live large objects and the process's peak
        // came to 434 MB. The connector's own logs and the function timings OpenTelemetry exports are unaffected.
        builder.Services.PostConfigure<FunctionResultAggregatorOptions>(aggregator => aggregator.IsEnabled = false);
        builder.Services.AddSingleton<ITypeLocator>(new StandaloneFunctionTypes(options.RunTimers));
#pragma warning disable CS0618 // see LoopbackWebHookProvider
        builder.Services.TryAddSingleton<IWebHookProvider, LoopbackWebHookProvider>();
#pragma warning restore CS0618
        builder.Services.AddSingleton<ScheduleMonitor, InMemoryScheduleMonitor>();
        // The gRPC runners need the SDK's shim factory; entities are off unless it says so.
        builder.Services.TryAddSingleton(sp => new DurableTaskShimFactory(new DurableTaskWorkerOptions { EnableEntitySupport = true }, sp.GetRequiredService<ILoggerFactory>()));
        // The runners keep extended sessions here (DurableHostOptions.ExtendedSessions); one cache for the process.
        builder.Services.TryAddSingleton<ExtendedSessionsCache>();
        builder.Services.TryAddSingleton<StandaloneDurableClient>();
        builder.Services.AddPsBillAdminKey();
        builder.Services.AddHostedService<StorageWatchdog>();

        var app = builder.Build();
        app.MapGet("/", () => "PsBill standalone host");
        StandaloneEndpoints.Map(app);
        return new StandaloneHost(app);
    }

    /// <summary>
    /// Builds the host on <paramref name="configuration"/> with the registrations of an already prepared service
    /// collection (the sandbox's simulators, clients and fakes), which win over PsBill's defaults.
    /// </summary>
    public static StandaloneHost Create(IConfiguration configuration, IServiceCollection preconfigured) =>
        Create(configuration, services =>
        {
            foreach (var descriptor in preconfigured) services.Add(descriptor);
        });

    /// <summary>Validates the configuration, creates the storage, starts the Durable engine, the timers and HTTP.</summary>
    /// <exception cref="PsBillConfigurationException">The configuration is wrong; the message names every bad setting.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _app.Services.ValidatePsBillConfiguration();
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking work, lets running functions finish (up to the shutdown timeout), then stops.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl-C in <c>psbill run</c>) or the host stops
    /// itself (a storage outage it cannot ride out); returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var lifetime = _app.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping).Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Asked to stop (possibly while starting), or stopping itself.
        }
        await WithinStopTimeAsync(() => StopAsync(CancellationToken.None), "stop").ConfigureAwait(false);
        // Stopped without being asked (a part of the host gave up): non-zero, so a supervisor starts it again.
        return cancellationToken.IsCancellationRequested ? 0 : 1;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await WithinStopTimeAsync(() => _app.DisposeAsync().AsTask(), "dispose").ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for a stop or dispose, but not much longer than the shutdown timeout. The Durable engine does not honour that
    /// timeout while storage is down (its own storage calls are retried for tens of seconds each; the watchdog's stop took
    /// from 20 s to minutes in tests), and a process that is stopping for good must not stay alive doing nothing: what is
    /// left runs on in the background until the process ends. Nothing is lost by leaving it: the work is in the task hub.
    /// </summary>
    private async Task WithinStopTimeAsync(Func<Task> stop, string what)
    {
        // Read before stopping: a dispose takes the services with it.
        var services = _app.Services;
        var limit = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StandaloneOptions>>().Value.ShutdownTimeout + StopGrace;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetRequiredService<ILogger<StandaloneHost>>();
        try
        {
            await stop().WaitAsync(limit, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogStopOverran(logger, what, limit);
        }
    }

    /// <summary>What a stop may take beyond <see cref="StandaloneOptions.ShutdownTimeout"/> before it is left to finish in the background.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host's {What} did not end within {Limit}; left to finish in the background (the Durable engine waits on storage)")]
    private static partial void LogStopOverran(ILogger logger, string what, TimeSpan limit);

    /// <summary>
    /// The Durable extension speaks the isolated protocol (the one the worker app uses in Azure) when the worker runtime says
    /// dotnet-isolated. It also takes a set CONTAINER_NAME for Linux Consumption and then writes its event log to stdout.
    /// </summary>
    private static IConfiguration IsolatedProtocol(IConfiguration configuration)
    {
        // The extension reads CONTAINER_NAME from the process environment itself; psbill is never Linux Consumption.
        Environment.SetEnvironmentVariable("CONTAINER_NAME", null);
        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
                ["CONTAINER_NAME"] = "",
            })
            .Build();
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(SettingNames.Section(section)).Get<T>() ?? new T();
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;
using PsBill.Connector.Work;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting.Standalone;

/// <summary>
/// <c>psbill run</c>: the same function classes without the Functions host. Timers (NCRONTAB, blob-lease singleton per
/// tick), the work queue listener (visibility, retries, poison, competing consumers) and the HTTP functions on
/// <c>PsBill:Standalone:Url</c>. Usable in-process: tests and the sandbox create it with their own configuration and
/// services, start it, read <see cref="BaseAddress"/>, and stop it.
/// </summary>
public sealed class StandaloneHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandaloneHost(WebApplication app) => _app = app;

    /// <summary>The services of the running host (stores, queue, ...).</summary>
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
        var builder = PsBillWebHost.CreateBuilder(configuration, configureServices);
        var section = configuration.GetSection(SettingNames.Section(StandaloneOptions.Section));
        var options = section.Get<StandaloneOptions>() ?? new StandaloneOptions();
        var errors = new SettingsValidator<StandaloneOptions>(SettingNames.Section(StandaloneOptions.Section)).Check(options);
        if (errors.Count > 0) throw new PsBillConfigurationException(errors);

        builder.Services.AddPsBillOptions<StandaloneOptions>(configuration, StandaloneOptions.Section);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddSingleton<TimerTicks>();
        if (options.RunTimers) builder.Services.AddHostedService<TimerScheduler>();
        if (options.RunQueue)
        {
            foreach (var (function, _) in FunctionCatalog.Default.WithTrigger<QueueTriggerAttribute>())
            {
                builder.Services.AddSingleton<IHostedService>(sp => new QueueListener(
                    sp.GetRequiredService<PsBillStorage>(), sp.GetRequiredService<WorkQueue>(), sp.GetRequiredService<FunctionInvoker>(), function.Name,
                    sp.GetRequiredService<IOptions<WorkOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<QueueListener>>()));
            }
        }

        var app = builder.Build();
        app.MapGet("/", () => "PsBill standalone host");
        app.MapHttpFunctions(AdminKeyCheck.AuthorizeAsync);
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

    /// <summary>Validates the configuration, creates the storage, starts timers, queue listener and HTTP.</summary>
    /// <exception cref="PsBillConfigurationException">The configuration is wrong; the message names every bad setting.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _app.Services.ValidatePsBillConfiguration();
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking work, lets in-flight items finish (up to the shutdown timeout), then stops.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl-C in <c>psbill run</c>), then stops gracefully.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop (possibly while starting).
        }
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

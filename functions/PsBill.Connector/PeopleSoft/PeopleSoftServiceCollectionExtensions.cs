using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace PsBill.Connector.PeopleSoft;

/// <summary>Wires the PeopleSoft client: options, pipelines, typed HTTP clients, reader and writer.</summary>
public static class PeopleSoftServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PeopleSoftReader"/>, <see cref="PeopleSoftWriter"/> and the clients below them, with options bound
    /// from <c>PsBill:PeopleSoft</c> and validated on start. Needs an <see cref="Credentials.ISecretStore"/> registered too.
    /// </summary>
    public static IServiceCollection AddPeopleSoftClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPeopleSoftClient(options => configuration.GetSection(PeopleSoftClientOptions.SectionName).Bind(options));

    /// <summary>Registers the PeopleSoft client with options set in code (tests, the sandbox).</summary>
    public static IServiceCollection AddPeopleSoftClient(this IServiceCollection services, Action<PeopleSoftClientOptions> configure)
    {
        services.AddOptions<PeopleSoftClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PeopleSoftClientOptions>, PeopleSoftClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeopleSoftCredentialSource>();
        services.TryAddSingleton<PeopleSoftConcurrencyCap>();

        services.AddResiliencePipeline(PeopleSoftPipelines.Read, (builder, context) => ConfigurePipeline(builder, context.ServiceProvider, PeopleSoftPipelines.ConfigureRead));
        services.AddResiliencePipeline(PeopleSoftPipelines.Write, (builder, context) => ConfigurePipeline(builder, context.ServiceProvider, PeopleSoftPipelines.ConfigureWrite));

        // Polly owns timeouts (attempt and total), so the HttpClient's own 100 s timeout is switched off.
        services.AddHttpClient<PeopleSoftQueryClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<PeopleSoftComponentInterfaceClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        // Transient like the typed HttpClients they hold, so the handler pool can rotate connections.
        services.TryAddTransient<PeopleSoftReader>();
        services.TryAddTransient<PeopleSoftWriter>();
        services.TryAddTransient<Preflight.PeopleSoftPreflight>();
        return services;
    }

    private static void ConfigurePipeline(
        ResiliencePipelineBuilder builder, IServiceProvider services,
        Action<ResiliencePipelineBuilder, PeopleSoftResilienceOptions, System.Threading.RateLimiting.RateLimiter, ILogger> configure)
    {
        builder.TimeProvider = services.GetRequiredService<TimeProvider>();
        var options = services.GetRequiredService<IOptions<PeopleSoftClientOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PeopleSoftPipelines).FullName!);
        configure(builder, options.Resilience, services.GetRequiredService<PeopleSoftConcurrencyCap>().Limiter, logger);
    }
}

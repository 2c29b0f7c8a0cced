using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Diagnostics;

/// <summary>Puts <see cref="RedactingHttpLoggingHandler"/> on HttpClients.</summary>
public static class RedactingHttpLoggingExtensions
{
    /// <summary>For every HttpClient of the app (BILL, PeopleSoft, ...): removes the HttpClientFactory's own request
    /// loggers (they log addresses and, at Trace, headers, but know nothing of body fields) and logs each call through
    /// the redacting handler instead, logger category <c>PsBill.Http.&lt;client name&gt;</c>. Call once in the host's wiring.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Headers and bodies logging; the defaults log headers at Debug and no body.</param>
    public static IServiceCollection AddPsBillHttpLogging(this IServiceCollection services, Action<HttpLoggingRedactionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new HttpLoggingRedactionOptions();
        configure?.Invoke(options);
        services.ConfigureHttpClientDefaults(builder => builder.RemoveAllLoggers());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, RedactingHttpLoggingFilter>());
        return services;
    }

    /// <summary>The same for one client only: replaces its request loggers with the redacting one (logger category
    /// <c>PsBill.Http.&lt;clientName&gt;</c>).</summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="clientName">Written on every line, e.g. <c>Bill</c>.</param>
    /// <param name="configure">Headers and bodies logging; the defaults log headers at Debug and no body.</param>
    public static IHttpClientBuilder AddRedactedHttpLogging(
        this IHttpClientBuilder builder, string clientName, Action<HttpLoggingRedactionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        var options = new HttpLoggingRedactionOptions();
        configure?.Invoke(options);
        return builder
            .RemoveAllLoggers()
            .AddHttpMessageHandler(services => new RedactingHttpLoggingHandler(
                clientName,
                services.GetRequiredService<ILoggerFactory>().CreateLogger("PsBill.Http." + clientName),
                services.GetService<TimeProvider>() ?? TimeProvider.System,
                options: options));
    }
}

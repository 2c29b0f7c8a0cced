using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Diagnostics;

/// <summary>Puts <see cref="RedactingHttpLoggingHandler"/> on a typed or named HttpClient.</summary>
public static class RedactingHttpLoggingExtensions
{
    /// <summary>Replaces the HttpClientFactory's own request loggers with the redacting one (logger category
    /// <c>PsBill.Http.&lt;clientName&gt;</c>). Call it before adding resilience handlers, so each attempt is logged.</summary>
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

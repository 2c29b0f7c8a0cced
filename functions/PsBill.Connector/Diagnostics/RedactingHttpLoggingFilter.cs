using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Diagnostics;

/// <summary>Puts a <see cref="RedactingHttpLoggingHandler"/> first in every HttpClient the factory builds, named after
/// the client (e.g. <c>PsBill.Bill</c>, <c>PeopleSoftQueryClient</c>). Registered by
/// <see cref="RedactingHttpLoggingExtensions.AddPsBillHttpLogging"/>.</summary>
internal sealed class RedactingHttpLoggingFilter(ILoggerFactory loggers, TimeProvider timeProvider, HttpLoggingRedactionOptions options)
    : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        var name = string.IsNullOrEmpty(builder.Name) ? "Http" : builder.Name;
        builder.AdditionalHandlers.Insert(0, new RedactingHttpLoggingHandler(
            name, loggers.CreateLogger("PsBill.Http." + name), timeProvider, options: options));
    };
}

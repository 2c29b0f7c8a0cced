using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Diagnostics;

/// <summary>Logs every outgoing HTTP call (method, address, status, duration) with credentials masked by a
/// <see cref="SensitiveDataRedactor"/>: the <c>Authorization</c>, <c>devKey</c> and <c>sessionId</c> headers, password,
/// developer key and session id fields in JSON, form and SOAP bodies. Put it in place of the HttpClientFactory's own
/// loggers (<see cref="RedactingHttpLoggingExtensions.AddRedactedHttpLogging"/>), which know nothing of body fields.</summary>
public sealed partial class RedactingHttpLoggingHandler : DelegatingHandler
{
    private readonly string _clientName;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SensitiveDataRedactor _redactor;
    private readonly HttpLoggingRedactionOptions _options;

    /// <param name="clientName">Which client is calling (e.g. <c>Bill</c>, <c>PeopleSoft</c>), written on every line.</param>
    /// <param name="logger">Where the lines go.</param>
    /// <param name="timeProvider">Measures the duration.</param>
    /// <param name="redactor">What to mask; null for <see cref="SensitiveDataRedactor.Default"/>.</param>
    /// <param name="options">What to log beyond the summary; null for the defaults.</param>
    public RedactingHttpLoggingHandler(
        string clientName,
        ILogger logger,
        TimeProvider timeProvider,
        SensitiveDataRedactor? redactor = null,
        HttpLoggingRedactionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _clientName = clientName;
        _logger = logger;
        _timeProvider = timeProvider;
        _redactor = redactor ?? SensitiveDataRedactor.Default;
        _options = options ?? new HttpLoggingRedactionOptions();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var url = request.RequestUri is null ? string.Empty : _redactor.RedactUrl(request.RequestUri);
        if (_options.LogHeaders && _logger.IsEnabled(LogLevel.Debug))
            LogRequestHeaders(_clientName, method, url, FormatHeaders(request.Headers, request.Content?.Headers));
        if (_options.LogBodies && request.Content is not null && _logger.IsEnabled(LogLevel.Trace))
            LogRequestBody(_clientName, method, url, await ReadBodyAsync(request.Content, cancellationToken).ConfigureAwait(false));

        var started = _timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            LogFailed(_clientName, method, url, ElapsedMilliseconds(started), ex.GetType().Name, ex);
            throw;
        }

        LogCompleted(_clientName, method, url, (int)response.StatusCode, ElapsedMilliseconds(started));
        if (_options.LogHeaders && _logger.IsEnabled(LogLevel.Debug))
            LogResponseHeaders(_clientName, method, url, FormatHeaders(response.Headers, response.Content.Headers));
        if (_options.LogBodies && _logger.IsEnabled(LogLevel.Trace))
            LogResponseBody(_clientName, method, url, await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false));
        return response;
    }

    private long ElapsedMilliseconds(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private string FormatHeaders(HttpHeaders headers, HttpContentHeaders? contentHeaders)
    {
        var text = new StringBuilder();
        foreach (var (name, values) in contentHeaders is null ? headers : headers.Concat(contentHeaders))
        {
            foreach (var value in values)
            {
                if (text.Length > 0) text.Append("; ");
                text.Append(name).Append(": ").Append(_redactor.RedactHeader(name, value));
            }
        }

        return text.ToString();
    }

    private async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Buffered so the caller can still read it after us.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var redacted = _redactor.RedactBody(body, content.Headers.ContentType?.MediaType);
        return redacted.Length <= _options.MaxBodyLength ? redacted : redacted[.._options.MaxBodyLength] + "...(cut)";
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Client} HTTP {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    private partial void LogCompleted(string client, string method, string url, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "{Client} HTTP {Method} {Url} failed after {ElapsedMilliseconds} ms: {ErrorType}")]
    private partial void LogFailed(string client, string method, string url, long elapsedMilliseconds, string errorType, Exception exception);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "{Client} HTTP {Method} {Url} request headers: {Headers}")]
    private partial void LogRequestHeaders(string client, string method, string url, string headers);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "{Client} HTTP {Method} {Url} response headers: {Headers}")]
    private partial void LogResponseHeaders(string client, string method, string url, string headers);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Trace, Message = "{Client} HTTP {Method} {Url} request body: {Body}")]
    private partial void LogRequestBody(string client, string method, string url, string body);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Trace, Message = "{Client} HTTP {Method} {Url} response body: {Body}")]
    private partial void LogResponseBody(string client, string method, string url, string body);
}

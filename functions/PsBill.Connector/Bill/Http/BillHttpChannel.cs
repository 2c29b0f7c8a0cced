using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Bill.Session;
using PsBill.Connector.Diagnostics.Telemetry;

namespace PsBill.Connector.Bill.Http;

/// <summary>
/// One attempt of one BILL call: take a gate slot, send, read the whole answer, give the slot back, and turn a
/// failure into a classified <see cref="BillApiException"/>. No retries here: the pipelines decide those.
/// </summary>
internal sealed class BillHttpChannel
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for BILL.</summary>
    public const string HttpClientName = "PsBill.Bill";

    private readonly IHttpClientFactory _httpClients;
    private readonly IBillCallGate _gate;
    private readonly BillClientOptions _options;
    private readonly ILogger<BillHttpChannel> _logger;
    private readonly BillHourlyCalls _hourlyCalls;
    private readonly TimeProvider _time;

    public BillHttpChannel(IHttpClientFactory httpClients, IBillCallGate gate, IOptions<BillClientOptions> options, ILogger<BillHttpChannel> logger,
        BillHourlyCalls hourlyCalls, TimeProvider time)
    {
        _httpClients = httpClients;
        _gate = gate;
        _options = options.Value;
        _logger = logger;
        _hourlyCalls = hourlyCalls;
        _time = time;
    }

    /// <summary>Sends the call once and returns the answer's body.</summary>
    /// <exception cref="BillApiException">BILL answered with an error, or no answer arrived.</exception>
    public async Task<byte[]> SendAsync(BillCall call, BillSession? session, CancellationToken cancellationToken)
    {
        using var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.BillCall, ActivityKind.Client);
        span?.SetTag(PsBillTelemetry.Tags.Operation, call.Operation);
        try
        {
            var body = await SendThroughGateAsync(call, session, cancellationToken).ConfigureAwait(false);
            Count(span, call, PsBillTelemetry.Outcomes.Ok);
            return body;
        }
        catch (BillApiException ex)
        {
            Count(span, call, ex.Code.ToString());
            span?.SetStatus(ActivityStatusCode.Error, ex.Code.ToString());
            throw;
        }
    }

    private static void Count(Activity? span, BillCall call, string outcome)
    {
        span?.SetTag(PsBillTelemetry.Tags.Outcome, outcome);
        PsBillTelemetry.BillCalls.Add(1, new(PsBillTelemetry.Tags.Operation, call.Operation), new(PsBillTelemetry.Tags.Outcome, outcome));
    }

    private async Task<IAsyncDisposable> EnterGateAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using (PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.GateWait))
        {
            var slot = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            PsBillTelemetry.GateWait.Record(_time.GetElapsedTime(started).TotalSeconds);
            return slot;
        }
    }

    private async Task<byte[]> SendThroughGateAsync(BillCall call, BillSession? session, CancellationToken cancellationToken)
    {
        await using var slot = await EnterGateAsync(cancellationToken).ConfigureAwait(false);
        _hourlyCalls.Record();
        using var request = CreateRequest(call, session);
        var http = _httpClients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw TransportFailure(call, ex, NeverSent(ex) ? "could not connect" : "the connection failed", NeverSent(ex));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TransportFailure(call, ex, $"no answer within {_options.RequestTimeout}", neverSent: false);
        }

        using (response)
        {
            BillLog.CallAnswered(_logger, call.Operation, (int)response.StatusCode);
            if (response.IsSuccessStatusCode) return body;
            throw BillErrorResponse.ToException(call, (int)response.StatusCode, body);
        }
    }

    private HttpRequestMessage CreateRequest(BillCall call, BillSession? session)
    {
        var baseUrl = call.Host == BillHost.Api ? _options.BaseUrl : _options.EventsBaseUrl;
        var url = baseUrl!.AbsoluteUri.TrimEnd('/') + call.Path + QueryString(call.Query);
        var request = new HttpRequestMessage(call.Method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (session is not null)
        {
            request.Headers.TryAddWithoutValidation("devKey", session.DeveloperKey);
            request.Headers.TryAddWithoutValidation("sessionId", session.SessionId);
        }

        foreach (var (name, value) in call.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (call.JsonBody is not null)
        {
            request.Content = new ByteArrayContent(call.JsonBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private static string QueryString(IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>True when the request provably never reached BILL, so even a create may be sent again.</summary>
    private static bool NeverSent(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.NameResolutionError
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable };

    private static BillApiException TransportFailure(BillCall call, Exception inner, string what, bool neverSent)
    {
        var unknown = call.Kind == BillCallKind.Create && !neverSent;
        var kind = unknown ? BillFailureKind.OutcomeUnknown : BillFailureKind.Transient;
        var code = unknown ? BillErrorCode.OutcomeUnknown : BillErrorCode.TransportFailure;
        var consequence = unknown ? " The object may have been created: look it up before creating it again." : "";
        return new BillApiException($"BILL call {call.Operation} failed: {what}.{consequence}", code, 0, kind, call.Operation, innerException: inner);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

using PsBill.Connector.Diagnostics.Telemetry;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Calls Component Interfaces exposed as SOAP services: <c>POST {base}/PSIGW/PeopleSoftServiceListeningConnector/{NODE}</c>
/// with <c>SOAPAction: CI_&lt;NAME&gt;_&lt;op&gt;.V1</c>, authenticated by a WS-Security UsernameToken or HTTP Basic as
/// configured. Get and Find go through <see cref="PeopleSoftPipelines.Read"/>, the others through
/// <see cref="PeopleSoftPipelines.Write"/>. An IBResponse fault becomes a <see cref="PeopleSoftException"/>.
/// </summary>
public sealed class PeopleSoftComponentInterfaceClient
{
    private readonly HttpClient _http;
    private readonly PeopleSoftClientOptions _options;
    private readonly PeopleSoftCredentialSource _credentials;
    private readonly ResiliencePipeline _read;
    private readonly ResiliencePipeline _write;
    private readonly ILogger<PeopleSoftComponentInterfaceClient> _logger;

    /// <summary>Creates the client (a typed <see cref="HttpClient"/>; register with <c>AddPeopleSoftClient</c>).</summary>
    public PeopleSoftComponentInterfaceClient(
        HttpClient http,
        IOptions<PeopleSoftClientOptions> options,
        PeopleSoftCredentialSource credentials,
        ResiliencePipelineProvider<string> pipelines,
        ILogger<PeopleSoftComponentInterfaceClient> logger)
    {
        _http = http;
        _options = options.Value;
        _credentials = credentials;
        _read = pipelines.GetPipeline(PeopleSoftPipelines.Read);
        _write = pipelines.GetPipeline(PeopleSoftPipelines.Write);
        _logger = logger;
    }

    /// <summary>Calls one CI operation with PeopleSoft's generated names and returns the response message element
    /// (e.g. <c>Get__CompIntfc__VNDR_IDResponse</c>).</summary>
    /// <param name="componentInterface">The CI name (without <c>CI_</c>).</param>
    /// <param name="operation">Create, Get, Find, Update or UpdateData.</param>
    /// <param name="properties">The CI's properties and collections, as elements named by the CI (namespace added here).</param>
    /// <param name="recordKey">The record this call is about, for logs and errors (e.g. <c>voucher:US001:00012345</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PeopleSoftException">See <see cref="InvokeAsync(PeopleSoftCiCall, IEnumerable{XElement}, string, CancellationToken)"/>.</exception>
    public Task<XElement> InvokeAsync(
        string componentInterface,
        PeopleSoftCiOperation operation,
        IEnumerable<XElement> properties,
        string recordKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(componentInterface);
        return InvokeAsync(PeopleSoftCiCall.For(componentInterface, operation), properties, recordKey, cancellationToken);
    }

    /// <summary>Calls one CI service operation as configured (<see cref="PeopleSoftComponentInterfaceOptions.ToCall"/>) and
    /// returns its response element, which must be <see cref="PeopleSoftCiCall.ResponseRoot"/>.</summary>
    /// <param name="call">The SOAPAction, body root, namespace and expected response root.</param>
    /// <param name="properties">The CI's properties and collections, as elements named by the CI (namespace added here).</param>
    /// <param name="recordKey">The record this call is about, for logs and errors.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PeopleSoftException">A fault, a refused credential, or PeopleSoft unavailable after the retries.
    /// Only the component's own fault is <see cref="PeopleSoftErrorKind.Rejected"/>. For Create, Update and UpdateData,
    /// gateway trouble after the request was sent, a timeout, or a 200 answer that is not the expected response is
    /// <see cref="PeopleSoftErrorKind.OutcomeUnknown"/>: look before writing again.</exception>
    public Task<XElement> InvokeAsync(
        PeopleSoftCiCall call,
        IEnumerable<XElement> properties,
        string recordKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(properties);
        return PeopleSoftCallTelemetry.TrackAsync(call.IsWrite ? PsBillTelemetry.Spans.PeopleSoftPost : PsBillTelemetry.Spans.PeopleSoftRead,
            call.SoapAction, recordKey, () => InvokeTrackedAsync(call, properties, recordKey, cancellationToken));
    }

    private async Task<XElement> InvokeTrackedAsync(PeopleSoftCiCall call, IEnumerable<XElement> properties, string recordKey, CancellationToken cancellationToken)
    {
        var propertyList = properties.ToList();
        var isWrite = call.IsWrite;
        var description = $"{call.SoapAction} for {recordKey}";

        var context = ResilienceContextPool.Shared.Get(call.SoapAction, cancellationToken);
        try
        {
            var response = await (isWrite ? _write : _read).ExecuteAsync(
                async ctx => await SendOnceAsync(call, propertyList, description, ctx.CancellationToken).ConfigureAwait(false),
                context).ConfigureAwait(false);
            PeopleSoftLog.ComponentInterfaceCalled(_logger, "CI_" + call.ComponentInterface, PeopleSoftCiOperations.Suffix(call.Operation), recordKey);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var unsent = PeopleSoftPipelines.IsSafeToRepeatWrite(ex);
            var failure = PeopleSoftFailures.NoResponse(description, ex,
                isWrite && !unsent ? PeopleSoftErrorKind.OutcomeUnknown : PeopleSoftErrorKind.Transient);
            PeopleSoftLog.CallFailed(_logger, description, failure.Kind, failure.Code.Value, failure.Message);
            throw failure;
        }
        catch (PeopleSoftException failure) when (isWrite && failure.IsTransient && failure.StatusCode != 503)
        {
            // The gateway answered 500/502/504, or an IBResponse about its own health: the component may have saved. Say so.
            var unknown = new PeopleSoftException(
                $"{failure.Message} The outcome is unknown: look the record up in PeopleSoft before trying again.",
                PeopleSoftErrorKind.OutcomeUnknown, failure.Code, failure.StatusCode, failure.MessageSetId, failure.MessageId,
                failure.MessageText, failure.MessageParameters, failure);
            PeopleSoftLog.CallFailed(_logger, description, unknown.Kind, unknown.Code.Value, unknown.Message);
            throw unknown;
        }
        catch (PeopleSoftException failure)
        {
            PeopleSoftLog.CallFailed(_logger, description, failure.Kind, failure.Code.Value, failure.Message);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<XElement> SendOnceAsync(
        PeopleSoftCiCall call, IReadOnlyList<XElement> properties, string description, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        var useToken = _options.SoapAuthMode == PeopleSoftSoapAuthMode.UsernameToken;
        var envelope = SoapEnvelope.Build(call, properties, useToken ? credential : null);

        using var request = new HttpRequestMessage(HttpMethod.Post, ListenerUri())
        {
            Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml"),
        };
        request.Headers.TryAddWithoutValidation("SOAPAction", call.SoapAction);
        if (!useToken) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicParameter);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var content = SoapEnvelope.BodyContent(body);

        if (content is { Name.LocalName: "Fault" } fault)
        {
            var failure = IbResponse.TryParse(body) is not null
                ? PeopleSoftFailures.FromResponse(response.StatusCode, body, description, credential)
                : FaultWithoutIbResponse(fault, response, description, credential);
            if (failure.Kind == PeopleSoftErrorKind.Authentication) _credentials.Invalidate();
            throw failure;
        }
        if (!response.IsSuccessStatusCode)
        {
            var failure = PeopleSoftFailures.FromResponse(response.StatusCode, body, description, credential);
            if (failure.Kind == PeopleSoftErrorKind.Authentication) _credentials.Invalidate();
            throw failure;
        }
        if (content is null || content.Name.LocalName != call.ResponseRoot)
        {
            var found = content is null ? "no SOAP envelope" : $"a {content.Name.LocalName}";
            if (call.IsWrite) throw PeopleSoftFailures.UnreadableWriteAnswer(description, $"with {found} instead of {call.ResponseRoot}");
            throw PeopleSoftFailures.BadResponse(description, $"expected a {call.ResponseRoot} in a SOAP envelope, got {found}");
        }
        return content;
    }

    /// <summary>A SOAP fault without an IBResponse carries no component message: a client fault is our request's
    /// problem (nothing ran); a server fault is the listener's, which reads retry and writes treat as unknown.</summary>
    private static PeopleSoftException FaultWithoutIbResponse(XElement fault, HttpResponseMessage response, string description, PeopleSoftCredential credential)
    {
        var text = credential.Mask(fault.Elements().FirstOrDefault(e => e.Name.LocalName == "faultstring")?.Value ?? "SOAP fault");
        var faultCode = fault.Elements().FirstOrDefault(e => e.Name.LocalName == "faultcode")?.Value ?? "";
        var isClient = faultCode.EndsWith("Client", StringComparison.OrdinalIgnoreCase);
        return new PeopleSoftException(
            isClient ? $"PeopleSoft refused the request {description}: \"{text}\"." : $"PeopleSoft's listener failed {description} without a component message: \"{text}\".",
            isClient ? PeopleSoftErrorKind.Rejected : PeopleSoftErrorKind.Transient, new PeopleSoftErrorCode("SOAP_FAULT"), (int)response.StatusCode);
    }

    private Uri ListenerUri() => new(
        _options.BaseUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/') +
        "/PSIGW/PeopleSoftServiceListeningConnector/" + Uri.EscapeDataString(_options.Node));
}

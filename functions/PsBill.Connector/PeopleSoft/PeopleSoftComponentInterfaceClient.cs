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

    /// <summary>Calls one CI operation and returns the response message element (e.g. <c>Get__CompIntfc__VNDR_IDResponse</c>).</summary>
    /// <param name="componentInterface">The CI name (without <c>CI_</c>).</param>
    /// <param name="operation">Create, Get, Find, Update or UpdateData.</param>
    /// <param name="properties">The CI's properties and collections, as elements named by the CI (namespace added here).</param>
    /// <param name="recordKey">The record this call is about, for logs and errors (e.g. <c>voucher:US001:00012345</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PeopleSoftException">A fault, a refused credential, or PeopleSoft unavailable after the retries.
    /// For Create, Update and UpdateData a failure after the request was sent is <see cref="PeopleSoftErrorKind.OutcomeUnknown"/>.</exception>
    public Task<XElement> InvokeAsync(
        string componentInterface,
        PeopleSoftCiOperation operation,
        IEnumerable<XElement> properties,
        string recordKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(componentInterface);
        ArgumentNullException.ThrowIfNull(properties);
        var isRead = operation is PeopleSoftCiOperation.Get or PeopleSoftCiOperation.Find;
        return PeopleSoftCallTelemetry.TrackAsync(isRead ? PsBillTelemetry.Spans.PeopleSoftRead : PsBillTelemetry.Spans.PeopleSoftPost,
            PeopleSoftCiOperations.SoapAction(componentInterface, operation), recordKey,
            () => InvokeOnceTrackedAsync(componentInterface, operation, properties, recordKey, cancellationToken));
    }

    private async Task<XElement> InvokeOnceTrackedAsync(
        string componentInterface,
        PeopleSoftCiOperation operation,
        IEnumerable<XElement> properties,
        string recordKey,
        CancellationToken cancellationToken)
    {
        var action = PeopleSoftCiOperations.SoapAction(componentInterface, operation);
        var messageName = PeopleSoftCiOperations.RequestElement(componentInterface, operation);
        var propertyList = properties.ToList();
        var isWrite = operation is not (PeopleSoftCiOperation.Get or PeopleSoftCiOperation.Find);
        var description = $"{action} for {recordKey}";

        var context = ResilienceContextPool.Shared.Get(action, cancellationToken);
        try
        {
            var response = await (isWrite ? _write : _read).ExecuteAsync(
                async ctx => await SendOnceAsync(action, messageName, propertyList, description, ctx.CancellationToken).ConfigureAwait(false),
                context).ConfigureAwait(false);
            PeopleSoftLog.ComponentInterfaceCalled(_logger, "CI_" + componentInterface, PeopleSoftCiOperations.Suffix(operation), recordKey);
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
            // The gateway answered 500/502/504 without an IBResponse: the component may have saved. Say so.
            var unknown = new PeopleSoftException(
                $"{failure.Message} The outcome is unknown: look the record up in PeopleSoft before trying again.",
                PeopleSoftErrorKind.OutcomeUnknown, failure.Code, failure.StatusCode, innerException: failure);
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
        string action, string messageName, IReadOnlyList<XElement> properties, string description, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        var useToken = _options.SoapAuthMode == PeopleSoftSoapAuthMode.UsernameToken;
        var envelope = SoapEnvelope.Build(messageName, properties, useToken ? credential : null);

        using var request = new HttpRequestMessage(HttpMethod.Post, ListenerUri())
        {
            Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml"),
        };
        request.Headers.TryAddWithoutValidation("SOAPAction", action);
        if (!useToken) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicParameter);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var content = SoapEnvelope.BodyContent(body);

        if (content is { Name.LocalName: "Fault" } fault)
        {
            var failure = IbResponse.TryParse(body) is not null
                ? PeopleSoftFailures.FromResponse(response.StatusCode, body, description, credential)
                : new PeopleSoftException(
                    $"PeopleSoft rejected {description}: \"{credential.Mask(fault.Elements().FirstOrDefault(e => e.Name.LocalName == "faultstring")?.Value ?? "SOAP fault")}\".",
                    PeopleSoftErrorKind.Rejected, new PeopleSoftErrorCode("SOAP_FAULT"), (int)response.StatusCode);
            if (failure.Kind == PeopleSoftErrorKind.Authentication) _credentials.Invalidate();
            throw failure;
        }
        if (!response.IsSuccessStatusCode)
        {
            var failure = PeopleSoftFailures.FromResponse(response.StatusCode, body, description, credential);
            if (failure.Kind == PeopleSoftErrorKind.Authentication) _credentials.Invalidate();
            throw failure;
        }
        if (content is null || content.Name.LocalName != messageName + "Response")
            throw PeopleSoftFailures.BadResponse(description, $"expected a {messageName}Response in a SOAP envelope");
        return content;
    }

    private Uri ListenerUri() => new(
        _options.BaseUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/') +
        "/PSIGW/PeopleSoftServiceListeningConnector/" + Uri.EscapeDataString(_options.Node));
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

using PsBill.Connector.Diagnostics.Telemetry;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Runs a public PeopleSoft Query through the Query Access Service REST operation <c>ExecuteQuery.v1</c> with JSON
/// output: <c>GET {base}/PSIGW/RESTListeningConnector/{NODE}/ExecuteQuery.v1/PUBLIC/{QUERY}/JSON/NONFILE?...</c>,
/// HTTP Basic auth. Calls go through <see cref="PeopleSoftPipelines.Read"/>. <see cref="PeopleSoftReader"/> turns rows into records.
/// </summary>
public sealed class PeopleSoftQueryClient
{
    private readonly HttpClient _http;
    private readonly PeopleSoftClientOptions _options;
    private readonly PeopleSoftCredentialSource _credentials;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<PeopleSoftQueryClient> _logger;

    /// <summary>Creates the client (a typed <see cref="HttpClient"/>; register with <c>AddPeopleSoftClient</c>).</summary>
    public PeopleSoftQueryClient(
        HttpClient http,
        IOptions<PeopleSoftClientOptions> options,
        PeopleSoftCredentialSource credentials,
        ResiliencePipelineProvider<string> pipelines,
        ILogger<PeopleSoftQueryClient> logger)
    {
        _http = http;
        _options = options.Value;
        _credentials = credentials;
        _pipeline = pipelines.GetPipeline(PeopleSoftPipelines.Read);
        _logger = logger;
    }

    /// <summary>Runs <paramref name="queryName"/> with its prompts (unique prompt name, value; in order).</summary>
    /// <param name="queryName">A public query name.</param>
    /// <param name="prompts">Prompt names and values, comma-paired into the URL; a value may not contain a comma.</param>
    /// <param name="maxRows">The most rows to return (<c>maxrows</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PeopleSoftException">PeopleSoft refused or failed the call after the retries.</exception>
    public Task<PeopleSoftQueryResult> ExecuteAsync(
        string queryName,
        IReadOnlyList<KeyValuePair<string, string>> prompts,
        int maxRows,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryName);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        return PeopleSoftCallTelemetry.TrackAsync(PsBillTelemetry.Spans.PeopleSoftRead, $"query {queryName}", null,
            () => ExecuteTrackedAsync(queryName, prompts, maxRows, cancellationToken));
    }

    private async Task<PeopleSoftQueryResult> ExecuteTrackedAsync(
        string queryName,
        IReadOnlyList<KeyValuePair<string, string>> prompts,
        int maxRows,
        CancellationToken cancellationToken)
    {
        var uri = BuildUri(queryName, prompts, maxRows);
        var operation = $"query {queryName}";

        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            var result = await _pipeline.ExecuteAsync(
                async ctx => await SendOnceAsync(uri, operation, ctx.CancellationToken).ConfigureAwait(false),
                context).ConfigureAwait(false);
            PeopleSoftLog.QueryExecuted(_logger, queryName, result.Rows.Count, maxRows);
            return result;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException)
        {
            var failure = PeopleSoftFailures.NoResponse(operation, ex, PeopleSoftErrorKind.Transient);
            PeopleSoftLog.CallFailed(_logger, operation, failure.Kind, failure.Code.Value, failure.Message);
            throw failure;
        }
        catch (PeopleSoftException failure)
        {
            PeopleSoftLog.CallFailed(_logger, operation, failure.Kind, failure.Code.Value, failure.Message);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<PeopleSoftQueryResult> SendOnceAsync(Uri uri, string operation, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicParameter);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Headers first, then the body parsed as it arrives: a page of 2,000 vouchers is several megabytes, and buffering
        // it whole (ResponseContentRead) put one more copy of every page on the large object heap. A body that breaks off
        // mid-way surfaces as an IOException, which the read pipeline retries like any transport failure.
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var failure = PeopleSoftFailures.FromResponse(response.StatusCode, body, operation, credential);
            if (failure.Kind == PeopleSoftErrorKind.Authentication) _credentials.Invalidate();
            throw failure;
        }
        var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
            return await ParseAsync(content, operation, credential, cancellationToken).ConfigureAwait(false);
    }

    internal Uri BuildUri(string queryName, IReadOnlyList<KeyValuePair<string, string>> prompts, int maxRows)
    {
        var url = new StringBuilder(_options.BaseUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/'))
            .Append("/PSIGW/RESTListeningConnector/").Append(Uri.EscapeDataString(_options.Node))
            .Append("/ExecuteQuery.v1/PUBLIC/").Append(Uri.EscapeDataString(queryName))
            .Append("/JSON/NONFILE?isconnectedquery=N&maxrows=").Append(maxRows.ToString(CultureInfo.InvariantCulture));
        if (prompts.Count > 0)
        {
            foreach (var (name, value) in prompts)
            {
                // Names and values are paired by position in two comma lists: a comma inside one would shift them all.
                if (name.Contains(',') || value.Contains(','))
                    throw new ArgumentException($"Prompt {name} of query {queryName}: a prompt name or value may not contain a comma.", nameof(prompts));
            }
            url.Append("&prompt_uniquepromptname=").Append(string.Join(",", prompts.Select(p => Uri.EscapeDataString(p.Key))))
               .Append("&prompt_fieldvalue=").Append(string.Join(",", prompts.Select(p => Uri.EscapeDataString(p.Value))));
        }
        url.Append("&json_resp=true");
        return new Uri(url.ToString());
    }

    /// <summary>
    /// Parses a QAS answer from its bytes (QAS JSON is UTF-8), not from a string of them: a page of 2,000 vouchers is several
    /// megabytes, and its string twice that again on the large object heap.
    /// </summary>
    internal static async Task<PeopleSoftQueryResult> ParseAsync(Stream content, string operation, PeopleSoftCredential credential, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try { document = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false); }
        catch (JsonException ex) { throw NotQasJson(operation, ex); }
        using (document) return Read(document, operation, credential);
    }

    private static PeopleSoftQueryResult Read(JsonDocument document, string operation, PeopleSoftCredential credential)
    {
        try
        {
            var root = document.RootElement;
            if (root.TryGetProperty("status", out var status) && status.GetString() is { } statusText &&
                !statusText.Equals("success", StringComparison.OrdinalIgnoreCase))
            {
                throw new PeopleSoftException(
                    $"PeopleSoft answered {operation} with status \"{credential.Mask(statusText)}\".",
                    PeopleSoftErrorKind.Rejected, new PeopleSoftErrorCode("QAS_" + statusText.ToUpperInvariant()), 200);
            }
            var query = root.GetProperty("data").GetProperty("query");
            var name = query.TryGetProperty("queryname=", out var q) ? q.GetString() ?? "" : "";
            var rows = new List<PeopleSoftQueryRow>();
            if (query.TryGetProperty("rows", out var rowArray) && rowArray.ValueKind == JsonValueKind.Array)
            {
                PeopleSoftRowLayout? layout = null;
                foreach (var row in rowArray.EnumerateArray())
                    rows.Add(ReadRow(row, rows.Count + 1, ref layout));
            }
            var numRows = query.TryGetProperty("numrows", out var n) && n.TryGetInt32(out var count) ? count : rows.Count;
            return new PeopleSoftQueryResult(name, numRows, rows);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw NotQasJson(operation, ex);
        }
    }

    private static PeopleSoftException NotQasJson(string operation, Exception ex) =>
        PeopleSoftFailures.BadResponse(operation, "it is not the QAS JSON shape {\"data\":{\"query\":{\"rows\":[...]}}}", ex);

    /// <summary>
    /// Reads a row in the layout of the row before it while its columns are the same names in the same order (every row of a
    /// QAS response is), comparing the names as UTF-8 instead of making a string of each; a row that differs gets a layout
    /// of its own.
    /// </summary>
    private static PeopleSoftQueryRow ReadRow(JsonElement row, int position, ref PeopleSoftRowLayout? layout)
    {
        var rowNumber = position;
        var values = new List<string?>(layout?.Names.Count ?? 0);
        List<string>? names = layout is null ? [] : null; // null while the row follows the layout
        foreach (var property in row.EnumerateObject())
        {
            if (property.NameEquals("attr:rownumber"))
            {
                if (property.Value.TryGetInt32(out var number)) rowNumber = number;
                continue;
            }
            if (names is null && (values.Count == layout!.Names.Count || !property.NameEquals(layout.Names[values.Count])))
                names = [.. layout.Names.Take(values.Count)];
            names?.Add(property.Name);
            values.Add(ValueOf(property.Value));
        }
        if (names is null && values.Count != layout!.Names.Count) names = [.. layout.Names.Take(values.Count)];
        if (names is not null) layout = new PeopleSoftRowLayout(names);
        return new PeopleSoftQueryRow(rowNumber, layout!, [.. values]);
    }

    private static string? ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}

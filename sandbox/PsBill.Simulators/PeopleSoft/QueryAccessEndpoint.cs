using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// <c>GET /PSIGW/RESTListeningConnector/{NODE}/ExecuteQuery.v1/PUBLIC/{QUERY}/JSON/NONFILE</c>: the QAS synchronous
/// query with JSON output. Prompts come as two comma lists paired by position; <c>maxrows</c> caps the rows and
/// <c>numrows</c> reports how many came back. Errors are IBResponse documents with HTTP 500, as PeopleSoft sends them.
/// </summary>
internal sealed class QueryAccessEndpoint(
    PeopleSoftStore store, SimulatorCredentials credentials, Action onAuthenticationFailure, IDictionary<string, string[]> omittedColumns)
{
    public async Task HandleAsync(HttpContext context, string queryName)
    {
        var request = context.Request;
        if (credentials.CheckBasic(request) != true)
        {
            onAuthenticationFailure();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"PeopleSoft\"";
            return;
        }
        try
        {
            if (!string.Equals(request.Query["json_resp"], "true", StringComparison.OrdinalIgnoreCase))
                throw new QasRequestException("The simulator answers QAS with JSON only: add json_resp=true.");
            if (!PeopleSoftSimulatorQueries.All.TryGetValue(queryName, out var query))
                throw new QasRequestException($"Query {queryName} does not exist or is not public.", parameters: queryName);
            var maxRows = ParseMaxRows(request.Query["maxrows"]);
            var prompts = ParsePrompts(request, query);
            var rows = store.Read(s => query.Run(s, prompts).Take(maxRows).ToList());
            if (omittedColumns.TryGetValue(queryName, out var omitted)) rows = rows.Select(row => Without(row, omitted)).ToList();
            context.Response.ContentType = "application/json; charset=utf-8";
            await WriteAsync(context.Response.Body, queryName, rows, context.RequestAborted);
        }
        catch (QasRequestException ex)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/xml; charset=utf-8";
            await context.Response.WriteAsync(IbResponseDocument.Build(ex.Message, ex.MessageSetId, ex.MessageId, ex.Parameters).ToString(), context.RequestAborted);
        }
    }

    private static QasRow Without(QasRow row, string[] omitted)
    {
        var kept = new QasRow();
        kept.AddRange(row.Where(c => !omitted.Contains(c.Key[(c.Key.IndexOf('.') + 1)..], StringComparer.Ordinal)));
        return kept;
    }

    private static int ParseMaxRows(string? text) =>
        string.IsNullOrEmpty(text) ? int.MaxValue
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new QasRequestException($"Invalid maxrows '{text}'.");

    private static QueryPrompts ParsePrompts(HttpRequest request, SimulatedQuery query)
    {
        var names = Split(request.Query["prompt_uniquepromptname"]);
        var values = Split(request.Query["prompt_fieldvalue"]);
        if (names.Length != values.Length)
            throw new QasRequestException($"Prompt names ({names.Length}) and values ({values.Length}) do not pair up.");
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++) byName[names[i]] = values[i];
        foreach (var prompt in query.Prompts)
        {
            if (!byName.ContainsKey(prompt))
                throw new QasRequestException($"Query {query.Name} requires prompt {prompt}.", parameters: prompt);
        }
        return new QueryPrompts(byName);
    }

    private static string[] Split(string? list) => string.IsNullOrEmpty(list) ? [] : list.Split(',');

    private static async Task WriteAsync(Stream body, string queryName, List<QasRow> rows, CancellationToken cancellationToken)
    {
        // Relaxed escaping: names in any script go out as UTF-8 text, the way PeopleSoft sends them.
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("status", "success");
        json.WriteStartObject("data");
        json.WriteStartObject("query");
        json.WriteNumber("numrows", rows.Count);
        json.WriteString("queryname=", queryName); // the key really has the '=': PeopleSoft's own output
        json.WriteStartArray("rows");
        var number = 0;
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteNumber("attr:rownumber", ++number);
            foreach (var (column, value) in row)
            {
                switch (value)
                {
                    case null: json.WriteNull(column); break;
                    case decimal amount: json.WriteNumber(column, amount); break;
                    case int count: json.WriteNumber(column, count); break;
                    default: json.WriteString(column, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}

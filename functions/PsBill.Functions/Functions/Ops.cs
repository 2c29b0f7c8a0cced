using Microsoft.AspNetCore.Http;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;
using PsBill.Functions.Functions.Declarations;
using PsBill.Functions.Functions.OpsPages;

namespace PsBill.Functions.Functions;

/// <summary>
/// HTTP <c>/api/ops/...</c>: the operator's page and API. Runs, one item's ledger row and audit trail, parked items,
/// the poison queue, and replay. Needs a function key (the admin key under the standalone host).
/// </summary>
[HttpTrigger("ops/{*path}", "get", "post")]
public sealed class Ops(RunStore runs, LedgerStore ledger, AuditTrail audit, WorkQueue queue, WorkReplay replay) : IHttpFunction
{
    private const string Prefix = "/" + HttpTriggerAttribute.RoutePrefix + "/ops";

    /// <inheritdoc />
    public async Task<IResult> HandleAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        var path = request.Path.Value ?? "";
        var rest = path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? path[Prefix.Length..].Trim('/') : path.Trim('/');
        var segments = rest.Split('/', 3, StringSplitOptions.RemoveEmptyEntries);
        var isGet = HttpMethods.IsGet(request.Method);

        return segments switch
        {
            [] when isGet => Results.Content(OpsPage.Html, "text/html; charset=utf-8"),
            ["api", "runs"] when isGet => Results.Json(await runs.ListRecentAsync(MaxOf(request), FunctionOf(request), cancellationToken).ConfigureAwait(false)),
            ["api", "runs", var runId] when isGet => await RunAsync(Uri.UnescapeDataString(runId), cancellationToken).ConfigureAwait(false),
            ["api", "items", var key] when isGet => await ItemAsync(Uri.UnescapeDataString(key), cancellationToken).ConfigureAwait(false),
            ["api", "parked"] when isGet => Results.Json(await ParkedAsync(MaxOf(request), cancellationToken).ConfigureAwait(false)),
            ["api", "poison"] when isGet => Results.Json(await queue.PeekPoisonAsync(32, cancellationToken).ConfigureAwait(false)),
            ["api", "replay"] when HttpMethods.IsPost(request.Method) => await ReplayAsync(request, cancellationToken).ConfigureAwait(false),
            _ => Results.NotFound(new { error = $"No ops endpoint {request.Method} {path}." }),
        };
    }

    private async Task<IResult> RunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null) return Results.NotFound(new { error = $"No run {runId}." });
        var keys = new List<string>();
        await foreach (var key in runs.ListItemKeysAsync(runId, cancellationToken).ConfigureAwait(false)) keys.Add(key);
        return Results.Json(new { run, keys });
    }

    private async Task<IResult> ItemAsync(string key, CancellationToken cancellationToken)
    {
        LedgerEntry? entry;
        try
        {
            entry = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
        var trail = await audit.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return entry is null && trail.Count == 0
            ? Results.NotFound(new { error = $"No item {key} in the ledger or the audit trail." })
            : Results.Json(new { key, ledger = entry, trail });
    }

    private async Task<List<LedgerEntry>> ParkedAsync(int max, CancellationToken cancellationToken)
    {
        var parked = new List<LedgerEntry>();
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false))
        {
            parked.Add(entry);
            if (parked.Count >= max) break;
        }
        return parked;
    }

    private async Task<IResult> ReplayAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ReplayRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<ReplayRequest>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.BadRequest(new { error = $"Expected {{\"keys\":[...]}} or {{\"parked\":true}}: {ex.Message}" });
        }

        if (body is { Parked: true })
            return Results.Json(await replay.ReplayParkedAsync("ops", cancellationToken).ConfigureAwait(false));
        if (body?.Keys is not { Count: > 0 } keys)
            return Results.BadRequest(new { error = "Expected {\"keys\":[...]} or {\"parked\":true}." });
        return Results.Json(await replay.ReplayAsync(keys, "ops", cancellationToken).ConfigureAwait(false));
    }

    private static int MaxOf(HttpRequest request) =>
        int.TryParse(request.Query["max"], out var max) ? Math.Clamp(max, 1, 500) : 100;

    private static string? FunctionOf(HttpRequest request) =>
        request.Query["function"] is { Count: > 0 } f && !string.IsNullOrWhiteSpace(f) ? f.ToString() : null;

    private sealed record ReplayRequest(IReadOnlyList<string>? Keys, bool Parked);
}

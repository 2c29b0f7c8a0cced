using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Workflows.Http.Ops.Attention;
using PsBill.Workflows.Http.Ops.Overview;
using PsBill.Workflows.Http.Ops.Records;
using PsBill.Workflows.Http.Ops.Runs;
using PsBill.Workflows.Replay;

namespace PsBill.Workflows.Http.Ops;

/// <summary>
/// The operator's console API under <c>/api/ops/api/</c>: overview, attention list (grouped, paged, retry a group), find a
/// record and read it whole, runs as orchestration instances (filter, timeline, restart, terminate, purge), and paged parked
/// and failed lists. Lists are <c>{items, continuationToken}</c> with no cap: give the token back for the next page.
/// </summary>
public sealed class ConsoleApi(OpsOverview overview, AttentionBoard attention, RecordFinder finder, RecordReader reader, LedgerStore ledger, FailedItemStore failures, ReplayStarter replay)
{
    /// <summary>Enums as words, web names: what the page and scripts read.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const int DefaultPageSize = 50;

    /// <summary>The answer to a console route, or null when <paramref name="segments"/> is not one.</summary>
    public async Task<IResult?> TryHandleAsync(string[] segments, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(request);
        var get = HttpMethods.IsGet(request.Method);
        var post = HttpMethods.IsPost(request.Method);
        return segments switch
        {
            ["api", "overview"] when get => Ok(await overview.BuildAsync(client, Instant(request, "since"), cancellationToken).ConfigureAwait(false)),
            ["api", "attention"] when get => Ok(await attention.SummaryAsync(cancellationToken).ConfigureAwait(false)),
            ["api", "attention", var cause] when get => AttentionCause.Named(cause) is { } c
                ? Ok(await attention.PageAsync(c, Token(request), PageSize(request), cancellationToken).ConfigureAwait(false))
                : NoCause(cause),
            ["api", "attention", var cause, "retry"] when post => AttentionCause.Named(cause) is { } c
                ? await RetryAsync(client, c, cancellationToken).ConfigureAwait(false)
                : NoCause(cause),
            ["api", "parked", "page"] when get => Ok(await ledger.QueryPageAsync(new LedgerQuery(State: LedgerState.Parked), Token(request), PageSize(request), cancellationToken).ConfigureAwait(false)),
            ["api", "failed", "page"] when get => Ok(await failures.ListPageAsync(Token(request), PageSize(request), cancellationToken).ConfigureAwait(false)),
            ["api", "find"] when get => Ok(new { query = request.Query["q"].ToString(), matches = await finder.FindAsync(request.Query["q"].ToString(), cancellationToken).ConfigureAwait(false) }),
            ["api", "records", var key] when get => await RecordAsync(Uri.UnescapeDataString(key), cancellationToken).ConfigureAwait(false),
            ["api", "orchestrations"] when get => await InstancesAsync(request, client, cancellationToken).ConfigureAwait(false),
            ["api", "orchestrations", var id] when get => await InstanceAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false),
            ["api", "orchestrations", var id, "timeline"] when get => await TimelineAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false),
            ["api", "orchestrations", var id, "restart"] when post => Act(await InstanceBrowser.RestartAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false)),
            ["api", "orchestrations", var id, "terminate"] when post => Act(await InstanceBrowser.TerminateAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false)),
            ["api", "orchestrations", var id, "purge"] when post => Act(await InstanceBrowser.PurgeAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false)),
            _ => null,
        };
    }

    private async Task<IResult> RetryAsync(DurableTaskClient client, AttentionCause cause, CancellationToken cancellationToken)
    {
        var keys = await attention.KeysAsync(cause, cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0) return Ok(new ReplayStart(null, [], []));
        return Ok(await replay.StartAsync(client, new ReplayRequest(keys), "ops:" + cause.Name, cancellationToken).ConfigureAwait(false));
    }

    private async Task<IResult> RecordAsync(string key, CancellationToken cancellationToken)
    {
        RecordView? record;
        try
        {
            record = await reader.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
        return record is null ? Results.NotFound(new { error = $"No record {key} in the ledger or the audit trail." }) : Ok(record);
    }

    private static async Task<IResult> InstancesAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var text in request.Query["status"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(text, ignoreCase: true, out var status))
                return Results.BadRequest(new { error = $"Unknown status '{text}' (known: {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())})." });
            statuses.Add(status);
        }
        var name = request.Query["name"].ToString() is { Length: > 0 } n ? n : request.Query["flow"].ToString() is { Length: > 0 } f ? f : null;
        var filter = new InstanceFilter(name, statuses.Count > 0 ? statuses : null, Instant(request, "from"), Instant(request, "to"));
        return Ok(await InstanceBrowser.ListAsync(client, filter, Token(request), PageSize(request), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> InstanceAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return instance is null ? Results.NotFound(new { error = $"No instance {instanceId}." }) : Ok(InstanceSummary.Of(instance));
    }

    private static async Task<IResult> TimelineAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null) return Results.NotFound(new { error = $"No instance {instanceId}." });
        try
        {
            var rows = await InstanceTimeline.ReadAsync(client, instanceId, cancellationToken).ConfigureAwait(false);
            return Ok(new { instance = InstanceSummary.Of(instance), timeline = rows });
        }
        catch (NotSupportedException ex)
        {
            // A client that cannot stream histories still shows the instance; Durable Functions Monitor shows its history.
            return Ok(new { instance = InstanceSummary.Of(instance), timeline = Array.Empty<TimelineRow>(), problem = $"This host's Durable client cannot read histories: {ex.Message}" });
        }
    }

    private static IResult Act(InstanceAction action) => Results.Json(action, Json, statusCode: action.Status);

    private static IResult Ok(object value) => Results.Json(value, Json);

    private static IResult NoCause(string cause) =>
        Results.NotFound(new { error = $"No attention group '{cause}' (known: {string.Join(", ", AttentionCause.All.Select(c => c.Name))})." });

    private static string? Token(HttpRequest request) => request.Query["continuationToken"].ToString() is { Length: > 0 } t ? t : null;

    private static int PageSize(HttpRequest request) =>
        int.TryParse(request.Query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 1000) : DefaultPageSize;

    private static DateTimeOffset? Instant(HttpRequest request, string name) =>
        DateTimeOffset.TryParse(request.Query[name], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Workflows.Replay;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows.Http.Ops;

/// <summary>
/// <c>/api/ops/...</c>, the same in both hosts: the operator's page and its API. Runs (the flows' rows with counts),
/// orchestration instances (read through the Durable client, so this and Durable Functions Monitor agree), one item's
/// ledger row and audit trail, parked and failed items, replay (a Replay orchestration), restart of an instance,
/// "run a flow now", the vendor match proposals (confirm, reject), the preview of the next cycle and the stored tie-outs. Who may call it is the host's business (a Functions key in Azure, the sign-in under psbill run).
/// </summary>
public sealed class OpsEndpoint(RunStore runs, LedgerStore ledger, AuditTrail audit, FailedItemStore failures, ReplayStarter replay, FlowStarter flows, ConsoleApi console)
{
    /// <summary>The route prefix the page lives under.</summary>
    public const string Prefix = "/api/ops";

    /// <summary>Handles one call.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Value ?? "";
        var rest = path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? path[Prefix.Length..].Trim('/') : path.Trim('/');
        var segments = rest.Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);
        if (await console.TryHandleAsync(segments, request, client, cancellationToken).ConfigureAwait(false) is { } answer) return answer;

        return segments switch
        {
            [] when isGet => Page.OpsPageAssets.Page(),
            ["api", "runs"] when isGet => Results.Json(await runs.ListRecentAsync(MaxOf(request), FunctionOf(request), cancellationToken).ConfigureAwait(false)),
            ["api", "runs", var runId] when isGet => await RunAsync(Uri.UnescapeDataString(runId), cancellationToken).ConfigureAwait(false),
            ["api", "items", var key] when isGet => await ItemAsync(Uri.UnescapeDataString(key), cancellationToken).ConfigureAwait(false),
            ["api", "parked"] when isGet => Results.Json(await ParkedAsync(MaxOf(request), cancellationToken).ConfigureAwait(false)),
            ["api", "failed"] when isGet => Results.Json(await FailedAsync(MaxOf(request), cancellationToken).ConfigureAwait(false)),
            ["api", "flows"] when isGet => Results.Json(await FlowsAsync(client, cancellationToken).ConfigureAwait(false)),
            ["api", "flows", var flow, "start"] when isPost => await StartFlowAsync(client, Uri.UnescapeDataString(flow), cancellationToken).ConfigureAwait(false),
            ["api", "instances"] when isGet => Results.Json(await InstancesAsync(client, MaxOf(request), cancellationToken).ConfigureAwait(false)),
            ["api", "instances", var id] when isGet => await InstanceAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false),
            ["api", "instances", var id, "restart"] when isPost => await RestartAsync(client, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false),
            ["api", "replay"] when isPost => await ReplayAsync(request, client, cancellationToken).ConfigureAwait(false),
            ["api", "proposals"] when isGet => await OpsFirstConnect.ProposalsAsync(request, cancellationToken).ConfigureAwait(false),
            ["api", "proposals", var decision] when isPost && decision is "confirm" or "reject" =>
                await OpsFirstConnect.DecideAsync(request, client, replay, decision, cancellationToken).ConfigureAwait(false),
            ["api", "preview"] when isGet => await OpsFirstConnect.PreviewAsync(request, cancellationToken).ConfigureAwait(false),
            ["api", "tieout"] when isGet => await OpsTieOuts.LatestAsync(request, cancellationToken).ConfigureAwait(false),
            ["api", "tieouts"] when isGet => await OpsTieOuts.ListAsync(request, MaxOf(request), cancellationToken).ConfigureAwait(false),
            ["api", "tieouts", var id] when isGet => await OpsTieOuts.OneAsync(request, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false),
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

    private async Task<List<FailedItem>> FailedAsync(int max, CancellationToken cancellationToken)
    {
        var failed = new List<FailedItem>();
        await foreach (var item in failures.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            failed.Add(item);
            if (failed.Count >= max) break;
        }
        return failed;
    }

    private static async Task<List<FlowState>> FlowsAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var states = new List<FlowState>();
        foreach (var flow in FunctionNames.Flows)
        {
            var instance = await client.GetInstanceAsync(FlowStarter.InstanceIdOf(flow), getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
            states.Add(new FlowState(flow, instance?.RuntimeStatus.ToString() ?? "never run", instance?.LastUpdatedAt, instance?.SerializedCustomStatus));
        }
        return states;
    }

    private async Task<IResult> StartFlowAsync(DurableTaskClient client, string flow, CancellationToken cancellationToken)
    {
        if (!FunctionNames.Flows.Contains(flow)) return Results.NotFound(new { error = $"No flow {flow} (known: {string.Join(", ", FunctionNames.Flows)})." });
        return Results.Json(await flows.StartAsync(client, flow, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<List<InstanceSummary>> InstancesAsync(DurableTaskClient client, int max, CancellationToken cancellationToken)
    {
        var list = new List<InstanceSummary>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = max }).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(InstanceSummary.Of(instance));
            if (list.Count >= max) break;
        }
        return list.OrderByDescending(i => i.CreatedAt).ToList();
    }

    private static async Task<IResult> InstanceAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return instance is null ? Results.NotFound(new { error = $"No instance {instanceId}." }) : Results.Json(InstanceSummary.Of(instance));
    }

    private static async Task<IResult> RestartAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null) return Results.NotFound(new { error = $"No instance {instanceId}." });
        if (FlowStarter.IsActive(instance.RuntimeStatus)) return Results.Conflict(new { error = $"{instanceId} is {instance.RuntimeStatus}: restart it once it has ended." });
        var restarted = await client.RestartAsync(instanceId, restartWithNewInstanceId: false, cancellationToken).ConfigureAwait(false);
        return Results.Json(new { instanceId = restarted });
    }

    private async Task<IResult> ReplayAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ReplayRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<ReplayRequest>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.BadRequest(new { error = $"Expected {{\"keys\":[...]}}, {{\"runId\":\"...\"}}, {{\"parked\":true}} or {{\"failed\":true}}: {ex.Message}" });
        }
        if (body?.Problem is { } problem || body is null) return Results.BadRequest(new { error = body?.Problem ?? "Empty request." });
        return Results.Json(await replay.StartAsync(client, body, "ops", cancellationToken).ConfigureAwait(false));
    }

    private static int MaxOf(HttpRequest request) =>
        int.TryParse(request.Query["max"], out var max) ? Math.Clamp(max, 1, 1000) : 100;

    private static string? FunctionOf(HttpRequest request) =>
        request.Query["function"] is { Count: > 0 } f && !string.IsNullOrWhiteSpace(f) ? f.ToString() : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Preview;
using PsBill.Workflows.Replay;

namespace PsBill.Workflows.Http.Ops;

/// <summary>
/// The first-connect part of the ops API: the vendor match proposals (confirm or reject one, which runs the supplier at
/// once through a replay) and the preview of the next cycle, which writes nothing. Both need the sync configured; without
/// it they answer 503 saying so.
/// </summary>
internal static class OpsFirstConnect
{
    // Statuses and actions as words, as the page and a script read them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<IResult> ProposalsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Service<VendorMatchReview>(request) is { } review
            ? Results.Json(await review.ListAsync(cancellationToken).ConfigureAwait(false), Json)
            : NotConfigured();

    public static async Task<IResult> DecideAsync(HttpRequest request, DurableTaskClient client, ReplayStarter replay, string decision, CancellationToken cancellationToken)
    {
        if (Service<VendorMatchReview>(request) is not { } review) return NotConfigured();
        ProposalDecision? body;
        try
        {
            body = await request.ReadFromJsonAsync<ProposalDecision>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.BadRequest(new { error = $"Expected {{\"supplierKey\":\"supplier:SETID:VENDOR_ID\",\"vendorId\":\"...\"}}: {ex.Message}" });
        }
        if (body?.SupplierKey is not { Length: > 0 } supplier) return Results.BadRequest(new { error = "supplierKey is required." });
        if (decision == "confirm" && body.VendorId is not { Length: > 0 }) return Results.BadRequest(new { error = "vendorId is required to confirm." });

        var proposal = decision == "confirm"
            ? await review.ConfirmAsync(supplier, body.VendorId!, cancellationToken).ConfigureAwait(false)
            : await review.RejectAsync(supplier, cancellationToken).ConfigureAwait(false);
        // The decision is read by the supplier's next sync: run it now rather than at the next PollSuppliers.
        var started = await replay.StartAsync(client, new ReplayRequest([supplier]), "ops", cancellationToken).ConfigureAwait(false);
        return Results.Json(new { proposal, replay = started }, Json);
    }

    public static async Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (Service<SyncPreview>(request) is not { } preview) return NotConfigured();
        var report = await preview.PreviewAsync(cancellationToken).ConfigureAwait(false);
        return Results.Json(new { totals = report.Totals.ToDictionary(t => t.Key.ToString(), t => t.Value), rows = report.Rows }, Json);
    }

    private static T? Service<T>(HttpRequest request) where T : class => request.HttpContext.RequestServices.GetService<T>();

    private static IResult NotConfigured() =>
        Results.Json(new { error = "The sync is not configured (PsBill:Bill and PsBill:PeopleSoft)." }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private sealed record ProposalDecision(string? SupplierKey, string? VendorId);
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Reconciliation.Scheduled;

namespace PsBill.Workflows.Http.Ops;

/// <summary>
/// The tie-out part of the ops API, from the stored tie-outs (<see cref="TieOutStore"/>; the flows store one after PollPayments):
/// <c>api/tieout</c> the newest (made or failed) with the report of the newest one made, <c>api/tieouts</c> the list,
/// <c>api/tieouts/{id}</c> one with its report.
/// </summary>
internal static class OpsTieOuts
{
    public static async Task<IResult> LatestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var store = Store(request);
        if (await store.LatestAsync(cancellationToken: cancellationToken).ConfigureAwait(false) is not { } newest)
            return Results.NotFound(new { error = "No tie-out stored yet: one is made after PollPayments (PsBill:Reconciliation:AfterPollPayments), or run psbill reconcile." });
        // A failed newest one still shows the last report that was made, with the failure above it.
        var made = newest.Made ? newest : await store.LatestAsync(madeOnly: true, cancellationToken).ConfigureAwait(false);
        var report = made is null ? null : await store.ReadReportAsync(made, cancellationToken).ConfigureAwait(false);
        return Results.Json(new { tieOut = newest, reportOf = made?.Id, report });
    }

    public static async Task<IResult> ListAsync(HttpRequest request, int max, CancellationToken cancellationToken) =>
        Results.Json(await Store(request).ListAsync(max, cancellationToken).ConfigureAwait(false));

    public static async Task<IResult> OneAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var store = Store(request);
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
            return Results.NotFound(new { error = $"No tie-out {id}." });
        return Results.Json(new { tieOut = stored, report = await store.ReadReportAsync(stored, cancellationToken).ConfigureAwait(false) });
    }

    private static TieOutStore Store(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<TieOutStore>();
}

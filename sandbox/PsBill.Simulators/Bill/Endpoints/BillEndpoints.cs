using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary>
/// <c>/v3/bills</c>: list, get, create, bulk create (at most 100, any vendors, all or nothing), PATCH (lines by id),
/// PUT (replaces the line set), archive, restore. BILL does not refuse a second bill with the same vendor and invoice
/// number through the API; the simulator accepts it and counts it as a duplicate, which is what the connector must avoid.
/// </summary>
internal sealed class BillEndpoints(SimulatorState state, RecordRoutes routes, BillRules rules)
{
    public const int MaxBulk = 100;
    private static readonly string[] ReadOnlyFields =
        ["id", "createdTime", "updatedTime", "archived", "amount", "paidAmount", "dueAmount", "scheduledAmount", "creditAmount", "paymentStatus", "approvalStatus", "vendorName"];

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/bills", context => routes.ListAsync(context, o => o.Bills));
        api.MapPost("/bills", CreateAsync);
        api.MapPost("/bills/bulk", CreateBulkAsync);
        api.MapGet("/bills/{id}", context => routes.GetAsync(context, o => o.Bills, "Bill"));
        api.MapPatch("/bills/{id}", UpdateAsync);
        api.MapPut("/bills/{id}", ReplaceAsync);
        api.MapPost("/bills/{id}/archive", context => routes.SetArchivedAsync(context, o => o.Bills, "Bill", archived: true));
        api.MapPost("/bills/{id}/restore", context => routes.SetArchivedAsync(context, o => o.Bills, "Bill", archived: false));
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, "The body must be a bill object.").ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        var errors = new List<SimulatedError>();
        JsonNode? answer = null;
        lock (organization.Sync)
        {
            rules.Check(organization, body, "", errors);
            if (errors.Count == 0) answer = Store(organization, body).DeepClone();
        }

        await (answer is null ? routes.BadRequestAsync(context, errors) : SimulatedAnswer.JsonAsync(context, 201, answer)).ConfigureAwait(false);
    }

    private async Task CreateBulkAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonArray body || body.Count is 0 or > MaxBulk
            || body.Any(b => b is not JsonObject))
        {
            await routes.BadRequestAsync(context, $"The body must be an array of 1 to {MaxBulk} bill objects.").ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        var errors = new List<SimulatedError>();
        var created = new JsonArray();
        lock (organization.Sync)
        {
            for (var i = 0; i < body.Count; i++) rules.Check(organization, (JsonObject)body[i]!, $"[{i}]", errors);
            if (errors.Count == 0)
            {
                foreach (var bill in body) created.Add(Store(organization, (JsonObject)bill!).DeepClone());
            }
        }

        await (errors.Count > 0 ? routes.BadRequestAsync(context, errors) : SimulatedAnswer.JsonAsync(context, 201, created)).ConfigureAwait(false);
    }

    /// <summary>PATCH: changes the fields sent; a line with an id edits that line, a line without one is added.</summary>
    private Task UpdateAsync(HttpContext context) => EditAsync(context, (existing, changes, errors) =>
    {
        var updated = (JsonObject)existing.DeepClone();
        var lineChanges = changes["billLineItems"] as JsonArray;
        foreach (var field in ReadOnlyFields.Append("billLineItems")) changes.Remove(field);
        FieldRules.Merge(updated, changes);
        if (lineChanges is not null) ApplyLineChanges((JsonArray)updated["billLineItems"]!, lineChanges, errors);
        updated.Remove("amount"); // recomputed from the lines; not a stated amount to compare
        return updated;
    });

    /// <summary>PUT: the bill as sent; lines with a known id keep it, lines without get one, lines left out are removed.</summary>
    private Task ReplaceAsync(HttpContext context) => EditAsync(context, (existing, body, _) =>
    {
        var replacement = (JsonObject)body.DeepClone();
        foreach (var field in ReadOnlyFields) replacement.Remove(field);
        foreach (var field in new[] { "id", "createdTime", "archived", "paidAmount", "scheduledAmount", "creditAmount", "approvalStatus" })
            replacement[field] = existing[field]?.DeepClone();
        return replacement;
    });

    /// <summary>The shape PATCH and PUT share: read the body, find the bill, build its new version under the
    /// organization's lock, validate it like a create, store it; 404, 400 with BILL's errors, or 200 with the bill.</summary>
    private async Task EditAsync(HttpContext context, Func<JsonObject, JsonObject, List<SimulatedError>, JsonObject> edit)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, "The body must be a bill object.").ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        var errors = new List<SimulatedError>();
        JsonNode? answer = null;
        var found = false;
        lock (organization.Sync)
        {
            if (organization.Bills.Find(SimulatedRequest.Route(context, "id")) is { } existing)
            {
                found = true;
                var edited = edit(existing, body, errors);
                if (errors.Count == 0) rules.Check(organization, edited, "", errors);
                if (errors.Count == 0) answer = Replace(organization, existing, edited).DeepClone();
            }
        }

        await (!found ? routes.NotFoundAsync(context, "Bill")
            : answer is null ? routes.BadRequestAsync(context, errors)
            : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    private static void ApplyLineChanges(JsonArray lines, JsonArray changes, List<SimulatedError> errors)
    {
        foreach (var change in changes)
        {
            if (change is not JsonObject lineChange) continue;
            var id = FieldRules.OptionalText(lineChange, "id");
            if (id is null)
            {
                lines.Add(lineChange.DeepClone());
                continue;
            }

            if (lines.OfType<JsonObject>().FirstOrDefault(l => FieldRules.OptionalText(l, "id") == id) is { } line) FieldRules.Merge(line, lineChange);
            else errors.Add(FieldRules.Invalid("billLineItems", "id", $"'{id}' is not a line of this bill"));
        }
    }

    private JsonObject Store(SimulatedOrganization organization, JsonObject request)
    {
        var bill = (JsonObject)request.DeepClone();
        foreach (var field in ReadOnlyFields) bill.Remove(field);
        foreach (var line in ((JsonArray)bill["billLineItems"]!).OfType<JsonObject>()) line.Remove("id");
        routes.Stamp(bill, "00n");
        rules.Compute(organization, bill);
        organization.Bills.Add(bill);
        return bill;
    }

    private JsonObject Replace(SimulatedOrganization organization, JsonObject existing, JsonObject updated)
    {
        updated["id"] = existing["id"]?.DeepClone();
        updated["createdTime"] = existing["createdTime"]?.DeepClone();
        updated["updatedTime"] = state.NowText;
        rules.Compute(organization, updated);
        existing.Clear();
        foreach (var (name, value) in updated.ToList())
        {
            updated.Remove(name);
            existing[name] = value;
        }

        return existing;
    }
}

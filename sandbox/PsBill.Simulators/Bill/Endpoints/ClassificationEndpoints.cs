using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary>
/// One classification list (<c>/v3/classifications/chart-of-accounts</c> or <c>.../departments</c>): list, get, create,
/// bulk create (at most 50, answered as <c>{chartOfAccounts: [...]}</c> / <c>{departments: [...]}</c>), update, bulk
/// update, archive, restore. A bill line may only use an entry that exists and is not archived.
/// </summary>
internal sealed class ClassificationEndpoints(SimulatorState state, RecordRoutes routes, ClassificationKind kind)
{
    public const int MaxBulk = 50;

    public void Map(IEndpointRouteBuilder api)
    {
        var path = "/classifications/" + kind.Path;
        api.MapGet(path, context => routes.ListAsync(context, kind.Records));
        api.MapPost(path, CreateAsync);
        api.MapPost(path + "/bulk", CreateBulkAsync);
        api.MapPatch(path + "/bulk", UpdateBulkAsync);
        api.MapGet(path + "/{id}", context => routes.GetAsync(context, kind.Records, kind.Name));
        api.MapPatch(path + "/{id}", UpdateAsync);
        api.MapPost(path + "/{id}/archive", context => routes.SetArchivedAsync(context, kind.Records, kind.Name, archived: true));
        api.MapPost(path + "/{id}/restore", context => routes.SetArchivedAsync(context, kind.Records, kind.Name, archived: false));
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, $"The body must be a {kind.Name} object.").ConfigureAwait(false);
            return;
        }

        var errors = new List<SimulatedError>();
        FieldRules.RequireText(body, "name", "", errors);
        if (errors.Count > 0)
        {
            await routes.BadRequestAsync(context, errors).ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        JsonNode answer;
        lock (organization.Sync) answer = Store(organization, body).DeepClone();
        await SimulatedAnswer.JsonAsync(context, 201, answer).ConfigureAwait(false);
    }

    private async Task CreateBulkAsync(HttpContext context)
    {
        if (await ReadBulkAsync(context).ConfigureAwait(false) is not { } body) return;
        var errors = new List<SimulatedError>();
        for (var i = 0; i < body.Count; i++) FieldRules.RequireText((JsonObject)body[i]!, "name", $"[{i}]", errors);
        if (errors.Count > 0)
        {
            await routes.BadRequestAsync(context, errors).ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        var created = new JsonArray();
        lock (organization.Sync)
        {
            foreach (var record in body) created.Add(Store(organization, (JsonObject)record!).DeepClone());
        }

        await SimulatedAnswer.JsonAsync(context, 201, new JsonObject { [kind.BulkKey] = created }).ConfigureAwait(false);
    }

    private async Task UpdateBulkAsync(HttpContext context)
    {
        if (await ReadBulkAsync(context).ConfigureAwait(false) is not { } body) return;
        var organization = SimulatedRequest.Organization(context);
        var errors = new List<SimulatedError>();
        var updated = new JsonArray();
        lock (organization.Sync)
        {
            for (var i = 0; i < body.Count; i++)
            {
                if (kind.Records(organization).Find(FieldRules.OptionalText((JsonObject)body[i]!, "id")) is null)
                    errors.Add(FieldRules.Invalid($"[{i}]", "id", $"is not a {kind.Name} of this organization"));
            }

            if (errors.Count == 0)
            {
                foreach (var change in body.Cast<JsonObject>()) updated.Add(Apply(organization, change).DeepClone());
            }
        }

        await (errors.Count > 0 ? routes.BadRequestAsync(context, errors) : SimulatedAnswer.JsonAsync(context, 200, new JsonObject { [kind.BulkKey] = updated })).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject changes)
        {
            await routes.BadRequestAsync(context, $"The body must be a {kind.Name} object.").ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        changes["id"] = SimulatedRequest.Route(context, "id");
        JsonNode? answer = null;
        lock (organization.Sync)
        {
            if (kind.Records(organization).Find(SimulatedRequest.Route(context, "id")) is not null) answer = Apply(organization, changes).DeepClone();
        }

        await (answer is null ? routes.NotFoundAsync(context, kind.Name) : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    private async Task<JsonArray?> ReadBulkAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is JsonArray { Count: > 0 and <= MaxBulk } body && body.All(r => r is JsonObject))
            return body;
        await routes.BadRequestAsync(context, $"The body must be an array of 1 to {MaxBulk} {kind.Name} objects.").ConfigureAwait(false);
        return null;
    }

    private JsonObject Apply(SimulatedOrganization organization, JsonObject changes)
    {
        var record = kind.Records(organization).Find(FieldRules.OptionalText(changes, "id"))!;
        var copy = (JsonObject)changes.DeepClone();
        foreach (var readOnly in new[] { "id", "createdTime", "updatedTime", "archived" }) copy.Remove(readOnly);
        FieldRules.Merge(record, copy);
        record["updatedTime"] = state.NowText;
        return record;
    }

    private JsonObject Store(SimulatedOrganization organization, JsonObject request)
    {
        var record = (JsonObject)request.DeepClone();
        routes.Stamp(record, kind.IdPrefix);
        kind.Records(organization).Add(record);
        return record;
    }
}

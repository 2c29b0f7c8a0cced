using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary><c>/v3/vendors</c>: list, get, create, bulk create (at most 20, all or nothing), update, archive, restore.
/// BILL does not refuse a second vendor with the same name; the simulator accepts it and counts it as a duplicate.</summary>
internal sealed class VendorEndpoints(SimulatorState state, RecordRoutes routes)
{
    public const int MaxBulk = 20;
    private static readonly HashSet<string> AccountTypes = new(StringComparer.Ordinal) { "BUSINESS", "PERSON", "NONE", "UNDEFINED" };

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/vendors", context => routes.ListAsync(context, o => o.Vendors));
        api.MapPost("/vendors", CreateAsync);
        api.MapPost("/vendors/bulk", CreateBulkAsync);
        api.MapGet("/vendors/{id}", context => routes.GetAsync(context, o => o.Vendors, "Vendor"));
        api.MapPatch("/vendors/{id}", UpdateAsync);
        api.MapPost("/vendors/{id}/archive", context => routes.SetArchivedAsync(context, o => o.Vendors, "Vendor", archived: true));
        api.MapPost("/vendors/{id}/restore", context => routes.SetArchivedAsync(context, o => o.Vendors, "Vendor", archived: false));
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, "The body must be a vendor object.").ConfigureAwait(false);
            return;
        }

        var errors = new List<SimulatedError>();
        Check(body, "", errors);
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
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonArray body || body.Count is 0 or > MaxBulk
            || body.Any(v => v is not JsonObject))
        {
            await routes.BadRequestAsync(context, $"The body must be an array of 1 to {MaxBulk} vendor objects.").ConfigureAwait(false);
            return;
        }

        var errors = new List<SimulatedError>();
        for (var i = 0; i < body.Count; i++) Check((JsonObject)body[i]!, $"[{i}]", errors);
        if (errors.Count > 0)
        {
            await routes.BadRequestAsync(context, errors).ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        var created = new JsonArray();
        lock (organization.Sync)
        {
            foreach (var vendor in body) created.Add(Store(organization, (JsonObject)vendor!).DeepClone());
        }

        await SimulatedAnswer.JsonAsync(context, 201, new JsonObject { ["vendors"] = created }).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject changes)
        {
            await routes.BadRequestAsync(context, "The body must be a vendor object.").ConfigureAwait(false);
            return;
        }

        var errors = new List<SimulatedError>();
        if (changes.ContainsKey("name")) FieldRules.RequireText(changes, "name", "", errors);
        CheckAccountType(changes, "", errors);
        if (errors.Count > 0)
        {
            await routes.BadRequestAsync(context, errors).ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        JsonNode? answer = null;
        lock (organization.Sync)
        {
            if (organization.Vendors.Find(SimulatedRequest.Route(context, "id")) is { } vendor)
            {
                foreach (var readOnly in new[] { "id", "createdTime", "archived" }) changes.Remove(readOnly);
                FieldRules.Merge(vendor, changes);
                vendor["updatedTime"] = state.NowText;
                answer = vendor.DeepClone();
            }
        }

        await (answer is null ? routes.NotFoundAsync(context, "Vendor") : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    private static void Check(JsonObject vendor, string where, List<SimulatedError> errors)
    {
        FieldRules.RequireText(vendor, "name", where, errors);
        CheckAccountType(vendor, where, errors);
    }

    private static void CheckAccountType(JsonObject vendor, string where, List<SimulatedError> errors)
    {
        if (vendor.ContainsKey("accountType") && !AccountTypes.Contains(FieldRules.OptionalText(vendor, "accountType") ?? ""))
            errors.Add(FieldRules.Invalid(where, "accountType", $"must be one of {string.Join(", ", AccountTypes)}"));
    }

    private JsonObject Store(SimulatedOrganization organization, JsonObject request)
    {
        var vendor = (JsonObject)request.DeepClone();
        vendor["accountType"] ??= "NONE";
        vendor["billCurrency"] ??= "USD";
        routes.Stamp(vendor, "009");
        organization.Vendors.Add(vendor);
        return vendor;
    }
}

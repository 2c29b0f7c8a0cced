using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PsBill.Simulators.Bill.Lists;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Http;

/// <summary>The list, get and archive/restore behaviour every BILL object shares.</summary>
internal sealed class RecordRoutes(SimulatorState state)
{
    public async Task ListAsync(HttpContext context, Func<SimulatedOrganization, RecordSet> records)
    {
        var request = ListRequest.Parse(context.Request.Query, out var problem);
        if (request is null)
        {
            await SimulatedAnswer.ErrorAsync(context, 400, state.NowText, SimulatedErrorCodes.InvalidField, problem!).ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        JsonObject answer;
        lock (organization.Sync) answer = request.Answer(records(organization).All);
        await SimulatedAnswer.JsonAsync(context, 200, answer).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context, Func<SimulatedOrganization, RecordSet> records, string what)
    {
        var organization = SimulatedRequest.Organization(context);
        JsonNode? answer;
        lock (organization.Sync) answer = records(organization).Find(SimulatedRequest.Route(context, "id"))?.DeepClone();
        await (answer is null ? NotFoundAsync(context, what) : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    /// <summary>Archives or restores; doing it twice changes nothing (as BILL documents).</summary>
    public async Task SetArchivedAsync(HttpContext context, Func<SimulatedOrganization, RecordSet> records, string what, bool archived)
    {
        var organization = SimulatedRequest.Organization(context);
        JsonNode? answer = null;
        lock (organization.Sync)
        {
            if (records(organization).Find(SimulatedRequest.Route(context, "id")) is { } record)
            {
                if ((bool?)record["archived"] != archived)
                {
                    record["archived"] = archived;
                    record["updatedTime"] = state.NowText;
                }

                answer = record.DeepClone();
            }
        }

        await (answer is null ? NotFoundAsync(context, what) : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    public Task NotFoundAsync(HttpContext context, string what) =>
        SimulatedAnswer.ErrorAsync(context, 404, state.NowText, SimulatedErrorCodes.NotFound,
            $"{what} {context.Request.RouteValues["id"]} does not exist in this organization.");

    public Task BadRequestAsync(HttpContext context, IEnumerable<SimulatedError> errors) =>
        SimulatedAnswer.ErrorsAsync(context, 400, state.NowText, errors);

    public Task BadRequestAsync(HttpContext context, string message) =>
        SimulatedAnswer.ErrorAsync(context, 400, state.NowText, SimulatedErrorCodes.InvalidField, message);

    /// <summary>Stamps a new record with BILL's server-side fields.</summary>
    public JsonObject Stamp(JsonObject record, string idPrefix)
    {
        record["id"] = state.NewId(idPrefix);
        record["archived"] = false;
        record["createdTime"] = state.NowText;
        record["updatedTime"] = state.NowText;
        return record;
    }
}

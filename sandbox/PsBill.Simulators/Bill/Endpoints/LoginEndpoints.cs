using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary><c>POST /v3/login</c>, <c>GET /v3/login/session</c>, <c>POST /v3/logout</c> and <c>GET /v3/health</c>.</summary>
internal sealed class LoginEndpoints(SimulatorState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/login", LoginAsync);
        api.MapGet("/login/session", SessionAsync);
        api.MapPost("/logout", LogoutAsync);
        api.MapGet("/health", context => SimulatedAnswer.JsonAsync(context, 200, new JsonObject
        {
            ["appId"] = "psbill-bill-simulator", ["appEnv"] = "sandbox", ["appVersion"] = "v3", ["bdcRegion"] = "local",
        }));
    }

    private async Task LoginAsync(HttpContext context)
    {
        var body = await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) as JsonObject;
        var devKey = body is null ? null : FieldRules.OptionalText(body, "devKey");
        var known = state.Options.Credentials.Where(c => c.DeveloperKey == devKey).ToList();
        if (body is null || known.Count == 0)
        {
            await SimulatedAnswer.ErrorAsync(context, 400, state.NowText, SimulatedErrorCodes.InvalidDeveloperKey, "Invalid developer key.").ConfigureAwait(false);
            return;
        }

        var credentials = known.FirstOrDefault(c =>
            c.Username.Equals(FieldRules.OptionalText(body, "username"), StringComparison.OrdinalIgnoreCase)
            && c.Password == FieldRules.OptionalText(body, "password")
            && c.OrganizationId == FieldRules.OptionalText(body, "organizationId"));
        if (credentials is null)
        {
            await SimulatedAnswer.ErrorAsync(context, 400, state.NowText, SimulatedErrorCodes.InvalidCredentials, "Invalid user name, password or organization.").ConfigureAwait(false);
            return;
        }

        if (!state.TryCountLogin(credentials.DeveloperKey))
        {
            Interlocked.Increment(ref state.Counters.RejectedQuota);
            await SimulatedAnswer.ErrorAsync(context, 400, state.NowText, SimulatedErrorCodes.HourlyQuota,
                $"Maximum number of logins per developer key per hour ({state.Options.HourlyLoginLimit}) has been reached.").ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref state.Counters.Logins);
        var session = state.OpenSession(credentials);
        await SimulatedAnswer.JsonAsync(context, 200, new JsonObject
        {
            ["organizationId"] = credentials.OrganizationId,
            ["sessionId"] = session.Id,
            ["trusted"] = false,
            ["userId"] = "006" + credentials.Username.GetHashCode(StringComparison.OrdinalIgnoreCase).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
    }

    private Task SessionAsync(HttpContext context)
    {
        var session = SimulatedRequest.Session(context);
        return SimulatedAnswer.JsonAsync(context, 200, new JsonObject
        {
            ["organizationId"] = session.Organization.Id,
            ["userId"] = "006" + session.Credentials.Username.GetHashCode(StringComparison.OrdinalIgnoreCase).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            ["mfaStatus"] = "DISABLED",
            ["mfaBypass"] = false,
        });
    }

    private Task LogoutAsync(HttpContext context)
    {
        state.EndSession(SimulatedRequest.Session(context).Id);
        return SimulatedAnswer.JsonAsync(context, 200, null);
    }
}

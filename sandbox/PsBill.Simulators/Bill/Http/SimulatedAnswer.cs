using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PsBill.Simulators.Bill.Http;

/// <summary>Writes the simulator's answers: JSON bodies, and BILL's error array for failures.</summary>
internal static class SimulatedAnswer
{
    public static Task JsonAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is null) return Task.CompletedTask;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task ErrorsAsync(HttpContext context, int status, string timestamp, IEnumerable<SimulatedError> errors) =>
        JsonAsync(context, status, new JsonArray(errors.Select(e => (JsonNode)e.ToJson(timestamp)).ToArray()));

    public static Task ErrorAsync(HttpContext context, int status, string timestamp, string code, string message, string category = "REQUEST") =>
        ErrorsAsync(context, status, timestamp, [new SimulatedError(code, message, category)]);
}

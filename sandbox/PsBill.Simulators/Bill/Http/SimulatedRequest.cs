using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Http;

/// <summary>Reading a request: its organization (set by <see cref="CallAdmission"/>), route ids and JSON body.</summary>
internal static class SimulatedRequest
{
    // BILL's own Postman examples carry trailing commas; a lenient reader accepts them.
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static SimulatedOrganization Organization(HttpContext context) =>
        (SimulatedOrganization)context.Items[CallAdmission.OrganizationItem]!;

    public static SimulatedSession Session(HttpContext context) =>
        (SimulatedSession)context.Items[CallAdmission.SessionItem]!;

    public static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    /// <summary>The body as JSON, or null when it is empty or not JSON.</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, documentOptions: Lenient, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

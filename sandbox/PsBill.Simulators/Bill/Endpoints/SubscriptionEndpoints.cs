using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;
using PsBill.Simulators.Bill.Webhooks;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary>
/// The connect-events host: <c>/v3/subscriptions</c> (create with <c>X-Idempotent-Key</c>, at most 10 per
/// organization, the security key shown once; list, get, replace, update, delete; rotate the security key; send a
/// test) and <c>/v3/events</c> (catalog, past notifications, resend). Notification URLs must be HTTPS, except on
/// loopback so tests and the sandbox can listen on plain HTTP.
/// </summary>
internal sealed class SubscriptionEndpoints(SimulatorState state, RecordRoutes routes, WebhookDispatcher webhooks)
{
    public const int MaxSubscriptions = 10;
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);
    private static readonly string[] Catalog =
        ["payment.updated", "payment.failed", "bill.created", "bill.updated", "bill.archived", "bill.restored", "vendor.created", "vendor.updated", "vendor.archived", "vendor.restored"];

    public void Map(IEndpointRouteBuilder events)
    {
        events.MapPost("/subscriptions", CreateAsync);
        events.MapGet("/subscriptions", context => routes.ListAsync(context, o => o.Subscriptions));
        events.MapGet("/subscriptions/{id}", context => routes.GetAsync(context, o => o.Subscriptions, "Subscription"));
        events.MapPut("/subscriptions/{id}", context => ChangeAsync(context, replace: true));
        events.MapPatch("/subscriptions/{id}", context => ChangeAsync(context, replace: false));
        events.MapDelete("/subscriptions/{id}", DeleteAsync);
        events.MapPost("/subscriptions/{id}/security_key", RotateKeyAsync);
        events.MapPost("/subscriptions/{id}/test", TestAsync);
        events.MapGet("/events/catalog", context => SimulatedAnswer.JsonAsync(context, 200,
            new JsonArray(Catalog.Select(t => (JsonNode)new JsonObject { ["type"] = t, ["versions"] = new JsonArray("1") }).ToArray())));
        events.MapGet("/events/subscription/{id}", NotificationsAsync);
        events.MapPost("/events/subscription/{id}/event/{eventId}", ResendAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var organization = SimulatedRequest.Organization(context);
        if (!Guid.TryParse(context.Request.Headers["X-Idempotent-Key"].FirstOrDefault(), out var key))
        {
            await routes.BadRequestAsync(context, "X-Idempotent-Key must be a UUID.").ConfigureAwait(false);
            return;
        }

        if (Remembered(organization, "create:" + key) is { } earlier)
        {
            await SimulatedAnswer.JsonAsync(context, earlier.Status, earlier.Answer.DeepClone()).ConfigureAwait(false);
            return;
        }

        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, "The body must be a subscription object.").ConfigureAwait(false);
            return;
        }

        var errors = Check(body);
        JsonObject? answer = null;
        lock (organization.Sync)
        {
            if (organization.Subscriptions.Count >= MaxSubscriptions)
                errors.Add(new SimulatedError(SimulatedErrorCodes.InvalidField, $"An organization has at most {MaxSubscriptions} subscriptions."));
            if (errors.Count == 0)
            {
                var subscription = Normalize(body);
                subscription["id"] = Guid.NewGuid().ToString();
                subscription["organizationId"] = organization.Id;
                subscription["createdTime"] = state.NowText;
                subscription["updatedTime"] = state.NowText;
                organization.Subscriptions.Add(subscription);
                var securityKey = WebhookSigner.NewKey();
                organization.SecurityKeys[(string)subscription["id"]!] = securityKey;
                answer = (JsonObject)subscription.DeepClone();
                answer["securityKey"] = securityKey;
                organization.IdempotentAnswers["create:" + key] = (state.Now, 200, answer.DeepClone());
            }
        }

        await (answer is null ? routes.BadRequestAsync(context, errors) : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    private async Task ChangeAsync(HttpContext context, bool replace)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, "The body must be a subscription object.").ConfigureAwait(false);
            return;
        }

        var errors = replace ? Check(body) : [];
        if (!replace && body.ContainsKey("notificationUrl") && !IsAllowedUrl(FieldRules.OptionalText(body, "notificationUrl")))
            errors.Add(FieldRules.Invalid("", "notificationUrl", "must be an absolute HTTPS URL"));
        if (errors.Count > 0)
        {
            await routes.BadRequestAsync(context, errors).ConfigureAwait(false);
            return;
        }

        var organization = SimulatedRequest.Organization(context);
        JsonNode? answer = null;
        lock (organization.Sync)
        {
            if (organization.Subscriptions.Find(SimulatedRequest.Route(context, "id")) is { } subscription)
            {
                var changes = replace ? Normalize(body) : (JsonObject)body.DeepClone();
                foreach (var readOnly in new[] { "id", "organizationId", "createdTime", "updatedTime", "securityKey" }) changes.Remove(readOnly);
                if (replace)
                {
                    foreach (var field in new[] { "name", "status", "events", "notificationUrl" }) subscription.Remove(field);
                }

                FieldRules.Merge(subscription, changes);
                subscription["updatedTime"] = state.NowText;
                answer = subscription.DeepClone();
            }
        }

        await (answer is null ? routes.NotFoundAsync(context, "Subscription") : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var organization = SimulatedRequest.Organization(context);
        var id = SimulatedRequest.Route(context, "id");
        bool found;
        lock (organization.Sync)
        {
            found = organization.Subscriptions.Find(id) is not null;
            organization.Subscriptions.Remove(id);
            organization.SecurityKeys.Remove(id);
        }

        await (found ? SimulatedAnswer.JsonAsync(context, 200, null) : routes.NotFoundAsync(context, "Subscription")).ConfigureAwait(false);
    }

    /// <summary>A new key signs every notification from now on; the old one stops at once (the receiver keeps both for a while).</summary>
    private async Task RotateKeyAsync(HttpContext context)
    {
        var organization = SimulatedRequest.Organization(context);
        var id = SimulatedRequest.Route(context, "id");
        var hasKey = Guid.TryParse(context.Request.Headers["X-Idempotent-Key"].FirstOrDefault(), out var key);
        if (hasKey && Remembered(organization, $"rotate:{id}:{key}") is { } earlier)
        {
            await SimulatedAnswer.JsonAsync(context, earlier.Status, earlier.Answer.DeepClone()).ConfigureAwait(false);
            return;
        }

        JsonObject? answer = null;
        lock (organization.Sync)
        {
            if (organization.Subscriptions.Find(id) is not null)
            {
                var securityKey = WebhookSigner.NewKey();
                organization.SecurityKeys[id] = securityKey;
                answer = new JsonObject { ["securityKey"] = securityKey };
                if (hasKey) organization.IdempotentAnswers[$"rotate:{id}:{key}"] = (state.Now, 200, answer.DeepClone());
            }
        }

        await (answer is null ? routes.NotFoundAsync(context, "Subscription") : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    private async Task TestAsync(HttpContext context)
    {
        var body = await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) as JsonObject ?? [];
        var organization = SimulatedRequest.Organization(context);
        var id = SimulatedRequest.Route(context, "id");
        string? url;
        lock (organization.Sync) url = (string?)organization.Subscriptions.Find(id)?["notificationUrl"];
        if (url is null)
        {
            await routes.NotFoundAsync(context, "Subscription").ConfigureAwait(false);
            return;
        }

        var eventType = FieldRules.OptionalText(body, "eventType") ?? "bill.created";
        var entityName = eventType.Split('.')[0];
        var entity = body[entityName] as JsonObject ?? new JsonObject { ["id"] = "test-" + entityName + "-id" };
        var notification = await webhooks.SendOnceAsync(organization, id, url, eventType, entityName, (JsonObject)entity.DeepClone()).ConfigureAwait(false);
        await SimulatedAnswer.JsonAsync(context, 200, notification).ConfigureAwait(false);
    }

    private async Task NotificationsAsync(HttpContext context)
    {
        var organization = SimulatedRequest.Organization(context);
        var request = Lists.ListRequest.Parse(context.Request.Query, out var problem);
        if (request is null)
        {
            await routes.BadRequestAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        JsonObject answer;
        lock (organization.Sync)
        {
            organization.Notifications.TryGetValue(SimulatedRequest.Route(context, "id"), out var sent);
            answer = request.Answer(sent ?? []);
        }

        answer.Remove("prevPage"); // this list pages forward only
        await SimulatedAnswer.JsonAsync(context, 200, answer).ConfigureAwait(false);
    }

    private async Task ResendAsync(HttpContext context)
    {
        var organization = SimulatedRequest.Organization(context);
        var id = SimulatedRequest.Route(context, "id");
        var eventId = SimulatedRequest.Route(context, "eventId");
        string? url;
        JsonObject? notification = null;
        lock (organization.Sync)
        {
            url = (string?)organization.Subscriptions.Find(id)?["notificationUrl"];
            if (organization.Notifications.TryGetValue(id, out var sent)) notification = sent.FirstOrDefault(n => (string?)n["id"] == eventId);
        }

        if (url is null || notification is null)
        {
            await routes.NotFoundAsync(context, "Event").ConfigureAwait(false);
            return;
        }

        await SimulatedAnswer.JsonAsync(context, 200, await webhooks.ResendAsync(organization, id, url, notification).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private (int Status, JsonNode Answer)? Remembered(SimulatedOrganization organization, string key)
    {
        lock (organization.Sync)
        {
            if (!organization.IdempotentAnswers.TryGetValue(key, out var earlier)) return null;
            if (state.Now - earlier.At < IdempotencyWindow) return (earlier.Status, earlier.Answer);
            organization.IdempotentAnswers.Remove(key);
            return null;
        }
    }

    private static List<SimulatedError> Check(JsonObject body)
    {
        var errors = new List<SimulatedError>();
        FieldRules.RequireText(body, "name", "", errors);
        if (!IsAllowedUrl(FieldRules.OptionalText(body, "notificationUrl")))
            errors.Add(FieldRules.Invalid("", "notificationUrl", "must be an absolute HTTPS URL"));
        if (body["events"] is not JsonArray { Count: > 0 } events || events.Any(e => e is not JsonObject o || FieldRules.OptionalText(o, "type") is null))
            errors.Add(FieldRules.Invalid("", "events", "needs at least one {type, version}"));
        return errors;
    }

    private static JsonObject Normalize(JsonObject body)
    {
        var subscription = (JsonObject)body.DeepClone();
        subscription.Remove("securityKey");
        subscription["status"] ??= new JsonObject { ["enabled"] = true };
        return subscription;
    }

    private static bool IsAllowedUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}

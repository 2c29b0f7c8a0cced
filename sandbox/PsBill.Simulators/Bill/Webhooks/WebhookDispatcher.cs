using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Webhooks;

/// <summary>
/// Sends notifications to the organization's enabled subscribers of an event, signed with the subscription's current
/// security key. A delivery counts only with HTTP 200 within the timeout; otherwise it is tried again after each pause
/// of <see cref="BillSimulatorOptions.WebhookRetryDelays"/> (BILL's schedule: about five, growing), then parked.
/// The pauses are the simulated BILL's own delivery schedule, not client-side resilience.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly SimulatorState _state;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public WebhookDispatcher(SimulatorState state)
    {
        _state = state;
        _http = new HttpClient { Timeout = state.Options.WebhookTimeout };
    }

    /// <summary>Queues one notification per matching subscription; returns at once.</summary>
    public void Notify(SimulatedOrganization organization, string eventType, string entityName, JsonObject entity)
    {
        List<(string Id, string Url)> targets;
        lock (organization.Sync)
        {
            targets = organization.Subscriptions.All
                .Where(s => (bool?)s["status"]?["enabled"] != false
                            && s["events"] is JsonArray events
                            && events.Any(e => (string?)e?["type"] == eventType))
                .Select(s => ((string)s["id"]!, (string)s["notificationUrl"]!))
                .ToList();
        }

        foreach (var (subscriptionId, url) in targets)
        {
            var notification = Record(organization, subscriptionId, eventType, entityName, entity);
            Track(DeliverWithRetriesAsync(organization, subscriptionId, url, notification));
        }
    }

    /// <summary>Builds, records and sends one notification once (test events and resends); returns the receiver's status (0 if none).</summary>
    public async Task<JsonObject> SendOnceAsync(SimulatedOrganization organization, string subscriptionId, string url, string eventType, string entityName, JsonObject entity)
    {
        var notification = Record(organization, subscriptionId, eventType, entityName, entity);
        await AttemptAsync(organization, subscriptionId, url, notification).ConfigureAwait(false);
        lock (organization.Sync) return (JsonObject)notification.DeepClone();
    }

    /// <summary>Sends a recorded notification again, once.</summary>
    public async Task<JsonObject> ResendAsync(SimulatedOrganization organization, string subscriptionId, string url, JsonObject notification)
    {
        await AttemptAsync(organization, subscriptionId, url, notification).ConfigureAwait(false);
        lock (organization.Sync) return (JsonObject)notification.DeepClone();
    }

    /// <summary>Completes when every queued delivery has succeeded or been parked.</summary>
    public async Task WaitForDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        while (!_pending.IsEmpty) await Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_pending.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: undelivered notifications are dropped with the simulator.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private JsonObject Record(SimulatedOrganization organization, string subscriptionId, string eventType, string entityName, JsonObject entity)
    {
        var eventId = Guid.NewGuid().ToString();
        var payload = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["eventId"] = eventId,
                ["subscriptionId"] = subscriptionId,
                ["organizationId"] = organization.Id,
                ["eventType"] = eventType,
                ["version"] = "1",
            },
            [entityName] = entity.DeepClone(),
        };
        var notification = new JsonObject
        {
            ["id"] = eventId,
            ["type"] = eventType,
            ["version"] = "1",
            ["subscriptionId"] = subscriptionId,
            ["payload"] = payload.ToJsonString(),
            ["createdTime"] = _state.NowText,
            ["statusCode"] = 0,
        };
        lock (organization.Sync)
        {
            if (!organization.Notifications.TryGetValue(subscriptionId, out var list)) organization.Notifications[subscriptionId] = list = [];
            list.Add(notification);
        }

        return notification;
    }

    private async Task DeliverWithRetriesAsync(SimulatedOrganization organization, string subscriptionId, string url, JsonObject notification)
    {
        if (await AttemptAsync(organization, subscriptionId, url, notification).ConfigureAwait(false)) return;
        foreach (var pause in _state.Options.WebhookRetryDelays)
        {
            // Real time on purpose, like the latency: a test on a fake clock must not stall deliveries.
            await Task.Delay(pause, _stopping.Token).ConfigureAwait(false);
            if (await AttemptAsync(organization, subscriptionId, url, notification).ConfigureAwait(false)) return;
        }

        Interlocked.Increment(ref _state.Counters.WebhooksParked);
    }

    private async Task<bool> AttemptAsync(SimulatedOrganization organization, string subscriptionId, string url, JsonObject notification)
    {
        string? key;
        string payload;
        lock (organization.Sync)
        {
            organization.SecurityKeys.TryGetValue(subscriptionId, out key);
            payload = (string)notification["payload"]!;
        }

        if (key is null) return true; // the subscription was deleted: nothing to deliver any more
        Interlocked.Increment(ref _state.Counters.WebhookAttempts);
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSigner.Header, WebhookSigner.Sign(body, key));
        int status;
        try
        {
            using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !_stopping.IsCancellationRequested)
        {
            status = 0;
        }

        lock (organization.Sync) notification["statusCode"] = status;
        if (status != 200) return false;
        Interlocked.Increment(ref _state.Counters.WebhooksDelivered);
        return true;
    }

    private void Track(Task delivery)
    {
        _pending.TryAdd(delivery, 0);
        delivery.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }
}

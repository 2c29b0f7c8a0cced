using System.Text.Json.Nodes;

namespace PsBill.Simulators.Bill.State;

/// <summary>One BILL organization: its records, its subscriptions and its call accounting. Lock <see cref="Sync"/> to touch records.</summary>
internal sealed class SimulatedOrganization(string id)
{
    public string Id { get; } = id;
    public object Sync { get; } = new();

    public RecordSet Vendors { get; } = new();
    public RecordSet Bills { get; } = new();
    public RecordSet ChartOfAccounts { get; } = new();
    public RecordSet Departments { get; } = new();
    public RecordSet Payments { get; } = new();
    public RecordSet Subscriptions { get; } = new();

    /// <summary>Subscription id to its current security key (never shown after create).</summary>
    public Dictionary<string, string> SecurityKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Notifications sent per subscription, newest last (for <c>GET /v3/events/subscription/{id}</c>).</summary>
    public Dictionary<string, List<JsonObject>> Notifications { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers of subscription calls by <c>X-Idempotent-Key</c>, kept 24 hours.</summary>
    public Dictionary<string, (DateTimeOffset At, int Status, JsonNode Answer)> IdempotentAnswers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Distinct bill lines refused for a bad classification (vendor|invoice|line|account|department).</summary>
    public HashSet<string> InvalidLines { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls in flight right now (touch with Interlocked).</summary>
    public int InFlight;

    private long _quotaHour = -1;
    private int _callsThisHour;

    /// <summary>Counts an admitted call in the clock hour of <paramref name="now"/>; false when the quota is spent.</summary>
    public bool TryCountCall(DateTimeOffset now, int quota)
    {
        lock (Sync)
        {
            var hour = now.ToUnixTimeSeconds() / 3600;
            if (hour != _quotaHour)
            {
                _quotaHour = hour;
                _callsThisHour = 0;
            }

            if (_callsThisHour >= quota) return false;
            _callsThisHour++;
            return true;
        }
    }
}

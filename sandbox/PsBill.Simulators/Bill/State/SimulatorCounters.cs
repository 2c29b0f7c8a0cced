using System.Collections.Concurrent;

namespace PsBill.Simulators.Bill.State;

/// <summary>The simulator's running counts, updated from many requests at once.</summary>
internal sealed class SimulatorCounters
{
    public int Calls;
    public int MaxConcurrent;
    public int RejectedConcurrency;
    public int RejectedQuota;
    public int RejectedSession;
    public int ServerErrors;
    public int AmountMismatches;
    public int Logins;
    public int DroppedResponses;
    public int WebhookAttempts;
    public int WebhooksDelivered;
    public int WebhooksParked;

    /// <summary>Calls by kind, <c>GET /v3/payments/{id}</c>: the method and the path with its ids left out.</summary>
    public ConcurrentDictionary<string, int> CallsByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads of each payment by id (<c>GET /v3/payments/{id}</c>).</summary>
    public ConcurrentDictionary<string, int> PaymentReads { get; } = new(StringComparer.Ordinal);

    public void RecordCall(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // An id holds a digit (BILL's ids do: 00901..., stp01...); route words do not.
        var kind = $"{method} /{string.Join('/', segments.Select(s => s.Any(char.IsAsciiDigit) && s != "v3" ? "{id}" : s))}";
        CallsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (method == "GET" && segments is [.., "v3", "payments", var id] && id.Any(char.IsAsciiDigit))
            PaymentReads.AddOrUpdate(id, 1, (_, n) => n + 1);
    }

    public void RecordConcurrency(int inFlight)
    {
        var seen = Volatile.Read(ref MaxConcurrent);
        while (inFlight > seen)
        {
            var previous = Interlocked.CompareExchange(ref MaxConcurrent, inFlight, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}

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

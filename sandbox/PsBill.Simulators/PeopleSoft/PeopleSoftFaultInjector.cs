namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// Makes the simulated PeopleSoft misbehave the way a real one does behind a load balancer: bursts of 500 (an
/// HTML error page, no IBResponse) or 503, slow answers, and random failures for chaos runs (seeded, so a run repeats).
/// </summary>
public sealed class PeopleSoftFaultInjector(int seed = 7)
{
    private readonly object _gate = new();
    private readonly Random _random = new(seed);
    private readonly Queue<(int Status, PeopleSoftFaultTarget Target)> _burst = new();

    /// <summary>A delay added to every answer. Default none.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The share of calls (0..1) that fail with 503 at random. Default 0.</summary>
    public double ChaosFailureRate { get; set; }

    /// <summary>Calls failed on purpose so far.</summary>
    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
    private long _faultsInjected;

    /// <summary>Fails the next <paramref name="count"/> calls to <paramref name="target"/> with <paramref name="status"/> (500, 502, 503, 504).</summary>
    public void FailNext(int count, int status = 503, PeopleSoftFaultTarget target = PeopleSoftFaultTarget.Any)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _burst.Enqueue((status, target));
        }
    }

    /// <summary>Stops failing: clears the burst, the chaos rate and the latency.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _burst.Clear();
            ChaosFailureRate = 0;
            Latency = TimeSpan.Zero;
        }
    }

    /// <summary>The status to fail this call with, or null to answer it.</summary>
    internal int? NextFailure(PeopleSoftFaultTarget call)
    {
        lock (_gate)
        {
            int? status = null;
            if (_burst.TryPeek(out var next) && (next.Target == PeopleSoftFaultTarget.Any || next.Target == call))
                status = _burst.Dequeue().Status;
            else if (ChaosFailureRate > 0 && _random.NextDouble() < ChaosFailureRate)
                status = 503;
            if (status is not null) Interlocked.Increment(ref _faultsInjected);
            return status;
        }
    }
}

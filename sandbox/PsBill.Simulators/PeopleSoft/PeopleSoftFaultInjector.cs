namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// Makes the simulated PeopleSoft misbehave the way a real one does behind a load balancer: bursts of 500 (an
/// HTML error page, no IBResponse) or 503, the gateway's own IBResponse when the application server is down (HTTP 500),
/// slow answers, and random failures for chaos runs (seeded, so a run repeats).
/// </summary>
public sealed class PeopleSoftFaultInjector(int seed = 7)
{
    // The gateway's wordings for an application server it cannot use (PEOPLESOFT-API.md: gateway trouble as an IBResponse).
    private static readonly string[] GatewayMessages =
    [
        "Integration Gateway failed while attempting to connect to the application server: the application server is not available.",
        "Unable to connect to the application server: Connection refused.",
        "The application server did not answer the listening connector in time: Read timed out.",
    ];

    private readonly object _gate = new();
    private readonly Random _random = new(seed);
    private readonly Queue<(InjectedFault Fault, PeopleSoftFaultTarget Target)> _burst = new();

    /// <summary>A delay added to every answer. Default none.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The share of calls (0..1) that fail with 503 at random. Default 0.</summary>
    public double ChaosFailureRate { get; set; }

    /// <summary>The share of calls (0..1) that fail at random with the gateway's HTTP 500 IBResponse ("the application
    /// server is not available"). Default 0.</summary>
    public double ChaosGatewayFailureRate { get; set; }

    /// <summary>Of the gateway failures on Component Interface calls, the share (0..1) where the component ran and only
    /// its answer was lost. Default 0.5.</summary>
    public double GatewayFailuresAfterWork { get; set; } = 0.5;

    /// <summary>Calls failed on purpose so far.</summary>
    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
    private long _faultsInjected;

    /// <summary>Fails the next <paramref name="count"/> calls to <paramref name="target"/> with <paramref name="status"/> (500, 502, 503, 504).</summary>
    public void FailNext(int count, int status = 503, PeopleSoftFaultTarget target = PeopleSoftFaultTarget.Any)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _burst.Enqueue((new InjectedFault(status, null, false), target));
        }
    }

    /// <summary>Fails the next <paramref name="count"/> calls to <paramref name="target"/> with the gateway's HTTP 500
    /// IBResponse; with <paramref name="afterWork"/> a Component Interface runs first and only its answer is lost.</summary>
    public void FailNextWithGatewayError(int count, PeopleSoftFaultTarget target = PeopleSoftFaultTarget.Any, bool afterWork = false)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _burst.Enqueue((new InjectedFault(500, GatewayMessages[i % GatewayMessages.Length], afterWork), target));
        }
    }

    /// <summary>Cuts off the next <paramref name="count"/> answers to <paramref name="target"/> halfway through their body:
    /// status 200 and the full length announced, then the connection drops (the call itself ran).</summary>
    public void CutOffNext(int count, PeopleSoftFaultTarget target = PeopleSoftFaultTarget.Queries)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _burst.Enqueue((new InjectedFault(200, null, AfterWork: true, CutOff: true), target));
        }
    }

    /// <summary>Stops failing: clears the burst, the chaos rate and the latency.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _burst.Clear();
            ChaosFailureRate = 0;
            ChaosGatewayFailureRate = 0;
            Latency = TimeSpan.Zero;
        }
    }

    /// <summary>The failure for this call, or null to answer it.</summary>
    internal InjectedFault? NextFailure(PeopleSoftFaultTarget call)
    {
        lock (_gate)
        {
            InjectedFault? fault = null;
            if (_burst.TryPeek(out var next) && (next.Target == PeopleSoftFaultTarget.Any || next.Target == call))
            {
                fault = _burst.Dequeue().Fault;
            }
            else
            {
                var roll = _random.NextDouble();
                if (roll < ChaosFailureRate) fault = new InjectedFault(503, null, false);
                else if (roll < ChaosFailureRate + ChaosGatewayFailureRate)
                    fault = new InjectedFault(500, GatewayMessages[_random.Next(GatewayMessages.Length)],
                        call == PeopleSoftFaultTarget.ComponentInterfaces && _random.NextDouble() < GatewayFailuresAfterWork);
            }
            if (fault is not null) Interlocked.Increment(ref _faultsInjected);
            return fault;
        }
    }
}

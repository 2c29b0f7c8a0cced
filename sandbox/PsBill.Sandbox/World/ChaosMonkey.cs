namespace PsBill.Sandbox.World;

/// <summary>
/// <c>--faults chaos</c>: 5xx from both simulators, BILL creates committed and then answered with nothing (the connection
/// reset, or a 500), a short <c>BDC_1322</c> burst every five seconds (another integration hogging the org's 3 slots), and every
/// BILL session expired once, mid-run, after BILL has started receiving work.
/// </summary>
public sealed class ChaosMonkey : IAsyncDisposable
{
    private readonly SandboxWorld _world;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ChaosMonkey(SandboxWorld world)
    {
        _world = world;
        var bill = world.Bill.Faults;
        // The simulator's ApplyChaos preset opens with a BDC_1322 burst that the first lone call (SyncReferenceData's list)
        // would take whole; here the bursts start once work flows, when several callers share them as in real life.
        bill.ServerErrorRate = 0.03;
        bill.CommitThenDropRate = 0.05;
        // Bulk calls make few calls, so rates alone may miss them: a few exact faults up front make sure every kind happens.
        bill.FailNextCalls(2);
        bill.DropNextCreateResponses(3);
        world.PeopleSoft.Faults.ChaosFailureRate = 0.03;
        world.PeopleSoft.Faults.FailNext(2);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Sessions expired so far (1 once work has reached BILL).</summary>
    public int SessionsExpired { get; private set; }

    /// <summary>Turns chaos on until disposed.</summary>
    public static ChaosMonkey Start(SandboxWorld world) => new(world);

    private async Task RunAsync(CancellationToken stop)
    {
        var round = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop).ConfigureAwait(false);
                round++;
                if (round % 10 == 5 && _world.Bill.GetFigures().Vendors > 0) _world.Bill.Faults.RejectNextCallsAsRateLimited(3);
                // Alternate how dropped creates lose their answer.
                _world.Bill.Faults.DropMode = round % 2 == 0 ? Simulators.Bill.CommitThenDropMode.Abort : Simulators.Bill.CommitThenDropMode.ServerError;
                if (SessionsExpired == 0 && _world.Bill.GetFigures() is { Vendors: > 0 })
                {
                    _world.Bill.ExpireAllSessions();
                    SessionsExpired++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Chaos over.
        }
    }

    /// <summary>Stops the chaos: no more faults.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _world.Bill.Faults.ServerErrorRate = 0;
        _world.Bill.Faults.CommitThenDropRate = 0;
        _world.PeopleSoft.Faults.ChaosFailureRate = 0;
        _stop.Dispose();
    }
}

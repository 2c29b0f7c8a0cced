namespace PsBill.Sandbox.World;

/// <summary>
/// <c>--faults chaos</c>: 5xx from both simulators, BILL creates committed and then answered with nothing (the connection
/// reset, or a 500), a <c>BDC_1322</c> burst every two seconds (another integration hogging the org's 3 slots), and every
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
        bill.ServerErrorRate = 0.02;
        bill.CommitThenDropRate = 0.05;
        world.PeopleSoft.Faults.ChaosFailureRate = 0.03;
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
                await Task.Delay(TimeSpan.FromSeconds(2), stop).ConfigureAwait(false);
                round++;
                _world.Bill.Faults.RejectNextCallsAsRateLimited(4);
                // Alternate how dropped creates lose their answer.
                _world.Bill.Faults.DropMode = round % 2 == 0 ? Simulators.Bill.CommitThenDropMode.Abort : Simulators.Bill.CommitThenDropMode.ServerError;
                if (SessionsExpired == 0 && _world.Bill.GetFigures().Bills > 0)
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

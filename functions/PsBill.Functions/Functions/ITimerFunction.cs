namespace PsBill.Functions.Functions;

/// <summary>A function on a timer. Throwing fails the invocation (the next tick runs as scheduled).</summary>
public interface ITimerFunction
{
    /// <summary>Runs one tick.</summary>
    Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken);
}

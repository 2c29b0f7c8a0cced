using Microsoft.Extensions.Logging;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work.Steps;

namespace PsBill.Functions.Functions;

/// <summary>
/// Wraps a timer function's step in a recorded run: start the run, do the step, record its counts, or record the
/// error and fail the invocation. A missing step is recorded as a failed run ("not configured"), never as success.
/// </summary>
public sealed partial class ScheduledRun(RunStore runs, ILogger<ScheduledRun> logger)
{
    /// <summary>Runs <paramref name="step"/> in a new run of <paramref name="function"/>; returns the finished run.</summary>
    public async Task<Run> RecordAsync(string function, TimerInfo timer, Func<RunContext, CancellationToken, Task<RunCounts>> step, CancellationToken cancellationToken)
    {
        var run = await runs.StartAsync(function, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, function, run.Id, timer.IsPastDue);
        RunCounts counts;
        try
        {
            counts = await step(new RunContext(run.Id, function, run.StartedAt, timer.IsPastDue), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, function, run.Id);
            // Record the failure even when the invocation was cancelled, so the ops page never shows a run stuck "running".
            await runs.CompleteAsync(run.Id, RunCounts.None, ex.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var finished = await runs.CompleteAsync(run.Id, counts, cancellationToken: cancellationToken).ConfigureAwait(false);
        LogFinished(logger, function, run.Id, finished.Counts.Seen);
        return finished;
    }

    /// <summary>The step, or a loud failure when its component is not registered.</summary>
    public static TStep Require<TStep>(TStep? step, string function) where TStep : class =>
        step ?? throw new StepNotConfiguredException(function, typeof(TStep));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} run {RunId} started (past due: {IsPastDue})")]
    private static partial void LogStarted(ILogger logger, string function, string runId, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} run {RunId} finished: {Seen} seen")]
    private static partial void LogFinished(ILogger logger, string function, string runId, int seen);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string runId);
}

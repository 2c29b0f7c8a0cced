using Microsoft.Extensions.Logging;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Runs;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary>
/// <see cref="FunctionNames.Activities.RecordFailures"/>: keys whose work failed after every retry go to the failures table
/// (the ops page's "failed" list, <c>psbill replay --failed</c>), their audit trail and their run's counts. Their ledger
/// rows stay as they were, so a replay still looks before it creates or posts.
/// </summary>
public sealed partial class RecordFailuresActivity(FailedItemStore failures, AuditTrail audit, RunStore runs, ILogger<RecordFailuresActivity> logger)
{
    /// <summary>The activity body.</summary>
    public async Task<int> RunAsync(IReadOnlyList<FailedWork> failed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var count = 0;
        foreach (var work in failed)
        {
            foreach (var key in work.Keys)
            {
                await failures.RecordAsync(key, work.Reason, work.RunId, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync(key, "work.failed", "failed", work.Reason, work.RunId, cancellationToken).ConfigureAwait(false);
                LogFailed(logger, key, work.Reason);
                count++;
            }
            if (work.RunId is not null)
                await runs.AddCountsAsync(work.RunId, new RunCounts(Failed: work.Keys.Count), cancellationToken).ConfigureAwait(false);
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Key} failed after every retry: {Reason}")]
    private static partial void LogFailed(ILogger logger, string key, string reason);
}

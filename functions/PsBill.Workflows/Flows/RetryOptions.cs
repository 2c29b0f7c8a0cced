using Microsoft.DurableTask;

namespace PsBill.Workflows.Flows;

/// <summary>The Durable retry policy of activities, from the flow's <see cref="WorkSettings"/>.</summary>
internal static class RetryOptions
{
    /// <summary>Exponential retries of an activity that throws; a host crash is not an attempt (Durable runs it again).</summary>
    public static TaskOptions For(WorkSettings work) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: work.ActivityAttempts,
        firstRetryInterval: work.ActivityFirstRetryDelay,
        backoffCoefficient: 2,
        maxRetryInterval: work.ActivityMaxRetryDelay));

    /// <summary>The failure's text for the operator.</summary>
    public static string Describe(TaskFailedException exception) =>
        exception.FailureDetails is { } details ? $"{details.ErrorType}: {details.ErrorMessage}" : exception.Message;
}

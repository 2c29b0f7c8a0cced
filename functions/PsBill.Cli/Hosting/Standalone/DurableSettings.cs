using Microsoft.Azure.WebJobs.Extensions.DurableTask;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>Applies <see cref="DurableHostOptions"/> to the Durable extension: what host.json does for the Functions host.</summary>
internal static class DurableSettings
{
    public static void Apply(DurableTaskOptions options, DurableHostOptions settings)
    {
        options.HubName = settings.TaskHub;
        options.MaxConcurrentActivityFunctions = settings.MaxConcurrentActivities;
        options.MaxConcurrentOrchestratorFunctions = settings.MaxConcurrentOrchestrations;
        options.ExtendedSessionsEnabled = settings.ExtendedSessions;
        options.ExtendedSessionIdleTimeoutInSeconds = (int)settings.ExtendedSessionIdleTimeout.TotalSeconds;
        // A start of a running instance id is refused: the singletons and the settlement ids rely on it.
        options.OverridableExistingInstanceStates = OverridableStates.NonRunningStates;
        options.StorageProvider["partitionCount"] = settings.PartitionCount;
        options.StorageProvider["controlQueueVisibilityTimeout"] = settings.ControlQueueVisibilityTimeout;
        options.StorageProvider["workItemQueueVisibilityTimeout"] = settings.WorkItemQueueVisibilityTimeout;
        options.StorageProvider["maxQueuePollingInterval"] = settings.MaxQueuePollingInterval;
    }
}

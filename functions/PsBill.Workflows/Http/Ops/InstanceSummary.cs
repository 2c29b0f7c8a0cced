using Microsoft.DurableTask.Client;

namespace PsBill.Workflows.Http.Ops;

/// <summary>An orchestration instance as the ops page shows it (the fields Durable Functions Monitor shows too).</summary>
public sealed record InstanceSummary(string InstanceId, string Name, string Status, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? CustomStatus, string? Output, string? Failure)
{
    /// <summary>From the client's metadata.</summary>
    public static InstanceSummary Of(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new InstanceSummary(instance.InstanceId, instance.Name, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
            instance.SerializedCustomStatus, instance.IsCompleted ? instance.SerializedOutput : null,
            instance.FailureDetails is { } f ? $"{f.ErrorType}: {f.ErrorMessage}" : null);
    }
}

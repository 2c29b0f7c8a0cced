using System.Text.Json.Serialization;

namespace PsBill.Sandbox.Report;

/// <summary>The report's <c>connector.orchestrations</c>: instances in the task hub by status, read through the Durable client.</summary>
public sealed record OrchestrationFigures
{
    /// <summary>Every orchestration instance (entities not counted).</summary>
    [JsonPropertyName("total")] public int Total { get; init; }

    /// <summary>Completed.</summary>
    [JsonPropertyName("completed")] public int Completed { get; init; }

    /// <summary>Failed or terminated.</summary>
    [JsonPropertyName("failed")] public int Failed { get; init; }

    /// <summary>Still running or pending when the report was read.</summary>
    [JsonPropertyName("running")] public int Running { get; init; }
}

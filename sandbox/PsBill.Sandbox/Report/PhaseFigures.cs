using System.Text.Json.Serialization;

namespace PsBill.Sandbox.Report;

/// <summary>One phase of the run: how long it took and the table operations PsBill's own stores sent meanwhile (the Durable
/// engine's own traffic to its task hub is not counted).</summary>
public sealed record PhaseFigures
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("table_operations")] public long TableOperations { get; init; }

    /// <summary>By <c>table/kind</c> (<c>psbillledger/write</c>, <c>batch</c> for a table transaction).</summary>
    [JsonPropertyName("table_operations_by_kind")] public IReadOnlyDictionary<string, long> TableOperationsByKind { get; init; } = new Dictionary<string, long>();
}

using System.Text.Json.Serialization;

namespace PsBill.Simulators.Bill;

/// <summary>Calls refused, by reason.</summary>
public sealed record BillRejectionFigures
{
    /// <summary>Too many concurrent calls.</summary>
    [JsonPropertyName("BDC_1322")] public int TooManyConcurrent { get; init; }
    /// <summary>Hourly quota spent.</summary>
    [JsonPropertyName("BDC_1144")] public int HourlyQuota { get; init; }
    /// <summary>Session invalid or expired.</summary>
    [JsonPropertyName("BDC_1109")] public int SessionInvalid { get; init; }
    /// <summary>Answered with a 5xx (injected faults and dropped creates answered 500).</summary>
    [JsonPropertyName("5xx")] public int ServerErrors { get; init; }
}
